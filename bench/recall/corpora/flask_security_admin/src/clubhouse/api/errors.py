import traceback

from flask import current_app, jsonify
from werkzeug.exceptions import HTTPException

from ..extensions import db
from . import api_bp


@api_bp.errorhandler(HTTPException)
def http_error(exc):
    return jsonify(error=exc.name.lower().replace(" ", "_"), message=exc.description), exc.code


@api_bp.errorhandler(Exception)
def unhandled_error(exc):
    db.session.rollback()
    current_app.logger.exception("API error")
    return jsonify(error="server_error", message=str(exc), trace=traceback.format_exc()), 500
