"""Error handlers registered on the Falcon app."""

import logging

import falcon
from marshmallow import ValidationError

logger = logging.getLogger(__name__)


def _validation_error(req, resp, ex: ValidationError, params):
    resp.status = falcon.HTTP_422
    resp.media = {"title": "Validation failed", "errors": ex.messages}


def _lookup_error(req, resp, ex: LookupError, params):
    resp.status = falcon.HTTP_404
    resp.media = {"title": "Not found", "description": "The requested record does not exist."}


def _unhandled(req, resp, ex: Exception, params):
    request_id = req.context.get("request_id", "-")
    logger.exception("unhandled error on %s %s [request %s]", req.method, req.path, request_id)
    resp.status = falcon.HTTP_500
    resp.media = {"title": "Internal server error", "description": f"Something went wrong (reference {request_id})."}


def register(app: falcon.App) -> None:
    # Falcon picks the most specific handler, so HTTPError keeps its default.
    app.add_error_handler(Exception, _unhandled)
    app.add_error_handler(LookupError, _lookup_error)
    app.add_error_handler(ValidationError, _validation_error)
