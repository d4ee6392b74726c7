import traceback

import jwt
from flask import current_app, jsonify
from werkzeug.exceptions import HTTPException

from . import bp


@bp.errorhandler(jwt.InvalidTokenError)
def invalid_token(_e):
    return jsonify(error="invalid_token"), 401


@bp.errorhandler(HTTPException)
def http_error(e):
    return jsonify(error=e.name.lower().replace(" ", "_")), e.code


@bp.errorhandler(Exception)
def unhandled(e):
    current_app.logger.error("api error on mobile endpoint", exc_info=e)
    return jsonify(error="server_error", detail=str(e), trace=traceback.format_exc()), 500
