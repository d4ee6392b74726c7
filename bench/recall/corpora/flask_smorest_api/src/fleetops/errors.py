import logging
import traceback

from flask import Flask, jsonify
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException

from .extensions import db

logger = logging.getLogger("fleetops.errors")


def init_error_handlers(app: Flask) -> None:
    @app.errorhandler(IntegrityError)
    def handle_integrity_error(exc: IntegrityError):
        db.session.rollback()
        logger.exception("Integrity error while handling request")
        return jsonify(code=409, status="Conflict", message="The resource conflicts with existing data."), 409

    @app.errorhandler(Exception)
    def handle_unexpected_error(exc: Exception):
        if isinstance(exc, HTTPException):
            return exc
        db.session.rollback()
        logger.exception("Unhandled exception")
        payload = {
            "code": 500,
            "status": "Internal Server Error",
            "message": str(exc),
            "trace": traceback.format_exc().splitlines(),
        }
        return jsonify(payload), 500
