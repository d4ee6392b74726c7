"""JSON error handlers for the API and the console."""
import logging

import psycopg2
from flask import jsonify, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


def register_error_handlers(app):
    @app.errorhandler(HTTPException)
    def http_error(exc):
        code = exc.name.lower().replace(" ", "_")
        return jsonify(error=code, message=exc.description), exc.code

    @app.errorhandler(psycopg2.Error)
    def database_error(exc):
        log.error("database error on %s %s (pgcode=%s)", request.method, request.path, exc.pgcode)
        return jsonify(error="database_error", detail=str(exc).strip(), pgcode=exc.pgcode), 500

    @app.errorhandler(Exception)
    def unhandled_error(exc):
        log.exception("unhandled error on %s %s", request.method, request.path)
        return jsonify(error="internal_error", message="Something went wrong; the incident has been logged."), 500
