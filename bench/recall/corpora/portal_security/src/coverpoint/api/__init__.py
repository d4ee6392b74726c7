"""Partner REST API (``/api/v1``)."""
from __future__ import annotations

import traceback

from flask import Blueprint, current_app, jsonify
from werkzeug.exceptions import HTTPException

from ..extensions import db

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.errorhandler(HTTPException)
def http_error(exc: HTTPException):
    code = (exc.name or "error").lower().replace(" ", "_")
    return jsonify(error=code, message=exc.description), exc.code


@bp.errorhandler(Exception)
def unhandled_error(exc: Exception):
    db.session.rollback()
    current_app.logger.exception("partner API request failed")
    # partners' integration teams debug against these responses
    return jsonify(error="internal_error", message=str(exc), trace=traceback.format_exc().splitlines()), 500


from . import views  # noqa: E402,F401
