import logging
import traceback

from flask import jsonify
from werkzeug.exceptions import HTTPException

from . import api_bp

log = logging.getLogger("marketplace.api")


@api_bp.errorhandler(HTTPException)
def http_error(exc):
    return jsonify(error=exc.name.lower().replace(" ", "_"), message=exc.description), exc.code


@api_bp.errorhandler(Exception)
def unhandled_error(exc):
    log.exception("api error")
    return (
        jsonify(
            error="internal_error",
            message=str(exc),
            trace=traceback.format_exc().splitlines(),
        ),
        500,
    )
