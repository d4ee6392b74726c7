import logging
import traceback

from flask import jsonify
from werkzeug.exceptions import HTTPException

from . import bp

log = logging.getLogger("plotkeeper.api")


@bp.errorhandler(HTTPException)
def http_error(exc):
    return jsonify(error=exc.name.lower(), status=exc.code), exc.code


@bp.errorhandler(Exception)
def unhandled_error(exc):
    log.exception("unhandled API error")
    return jsonify(error="internal error", detail=str(exc), trace=traceback.format_exc().splitlines()), 500
