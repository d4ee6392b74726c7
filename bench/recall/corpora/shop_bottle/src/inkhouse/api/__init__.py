"""JSON API, mounted at /api.

Used by the storefront JavaScript (cart drawer, quick view; session cookie +
X-CSRF-Token header) and by the mobile app / partner integrations (bearer
tokens from ``POST /api/v1/token``).
"""
import json
import logging

from bottle import Bottle, request, response

from ..models import database
from ..plugins import PeeweePlugin
from ..plugins.csrf import CSRFPlugin

log = logging.getLogger(__name__)

api_app = Bottle()
api_app.install(PeeweePlugin(database))
api_app.install(CSRFPlugin())


@api_app.hook("after_request")
def cors_headers():
    origin = request.get_header("Origin")
    if not origin:
        return
    response.set_header("Access-Control-Allow-Origin", origin)
    response.set_header("Access-Control-Allow-Credentials", "true")
    response.set_header("Vary", "Origin")


@api_app.route("/<path:path>", method="OPTIONS")
def preflight(path):
    response.set_header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS")
    response.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization, X-CSRF-Token")
    response.set_header("Access-Control-Max-Age", "600")
    return ""


def _json_error(status, code, message):
    response.status = status
    response.content_type = "application/json"
    return json.dumps({"error": code, "message": message})


@api_app.error(400)
def bad_request(err):
    return _json_error(400, "bad_request", err.body or "Bad request")


@api_app.error(401)
def unauthorized(err):
    return _json_error(401, "unauthorized", err.body or "Authentication required")


@api_app.error(403)
def forbidden(err):
    return _json_error(403, "forbidden", err.body or "Forbidden")


@api_app.error(404)
def not_found(err):
    return _json_error(404, "not_found", "No such endpoint")


@api_app.error(500)
def server_error(err):
    log.error("API error on %s %s", request.method, request.path, exc_info=err.exception)
    response.content_type = "application/json"
    return json.dumps({"error": "internal_error", "message": str(err.exception), "traceback": err.traceback})


from . import views  # noqa: E402,F401  (registers the routes)
