import logging
import traceback

from flask import jsonify
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from app.api import api_bp
from app.extensions import db
from app.services.inventory import StockError

log = logging.getLogger("app.api")


@api_bp.errorhandler(ValidationError)
def validation_error(exc):
    return jsonify(error="validation_error", fields=exc.messages), 400


@api_bp.errorhandler(StockError)
def stock_error(exc):
    db.session.rollback()
    return jsonify(error="stock_error", message=str(exc)), 409


@api_bp.errorhandler(Exception)
def unexpected_error(exc):
    if isinstance(exc, HTTPException):
        return jsonify(error=exc.name.lower().replace(" ", "_"), message=exc.description), exc.code
    db.session.rollback()
    log.exception("unhandled API error")
    return jsonify(error="internal_error", message=str(exc), trace=traceback.format_exc().splitlines()), 500
