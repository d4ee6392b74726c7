"""Request/response plumbing: HTTPS and security headers, CORS for the API
and embed player, and error handlers for the HTML site and the JSON API."""
from __future__ import annotations

import logging
import traceback
import uuid

from quart import Quart, Response, current_app, jsonify, redirect, render_template, request
from quart_schema import RequestSchemaValidationError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

# The embed player runs on podcasters' own websites and calls back into the
# API with the listener's Podhaus cookie (for "resume where you left off"), so
# the response has to name the calling origin rather than using "*".
CORS_PREFIXES = ("/api/", "/embed/")
CORS_ALLOWED_HEADERS = "Authorization, Content-Type, X-Requested-With"
CORS_ALLOWED_METHODS = "GET, POST, PATCH, DELETE, OPTIONS"


def _is_api_request() -> bool:
    return request.path.startswith("/api/")


async def _force_https():
    if current_app.config["FORCE_HTTPS"] and request.scheme != "https":
        if request.headers.get("X-Forwarded-Proto", "http") != "https":
            return redirect(request.url.replace("http://", "https://", 1), code=301)
    return None


async def _security_headers(response: Response) -> Response:
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if not request.path.startswith("/embed/"):
        response.headers.setdefault("X-Frame-Options", "DENY")
    hsts = current_app.config["HSTS_SECONDS"]
    if hsts:
        response.headers["Strict-Transport-Security"] = f"max-age={hsts}; includeSubDomains"
    return response


async def _cors(response: Response) -> Response:
    if not request.path.startswith(CORS_PREFIXES):
        return response
    origin = request.headers.get("Origin")
    if origin:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
        response.headers["Access-Control-Allow-Headers"] = CORS_ALLOWED_HEADERS
        response.headers["Access-Control-Allow-Methods"] = CORS_ALLOWED_METHODS
        response.headers["Access-Control-Max-Age"] = "600"
        response.vary.add("Origin")
    return response


async def _handle_validation(error: RequestSchemaValidationError):
    return jsonify(error="validation_error", detail=str(error.validation_error)), 400


async def _handle_http(error: HTTPException):
    if _is_api_request():
        return jsonify(error=error.name.lower().replace(" ", "_"), detail=error.description), error.code
    return await render_template("error.html", error=error), error.code


async def _handle_unexpected(error: Exception):
    incident = uuid.uuid4().hex[:12]
    log.exception("Unhandled error on %s %s (incident %s)", request.method, request.path, incident)
    if _is_api_request():
        payload = {"error": "internal_error", "incident": incident}
        if current_app.config.get("API_DEBUG_ERRORS", True):
            payload["detail"] = str(error)
            payload["trace"] = traceback.format_exc().splitlines()[-8:]
        return jsonify(payload), 500
    return await render_template("error.html", error=None, incident=incident), 500


def init_app(app: Quart) -> None:
    app.before_request(_force_https)
    app.after_request(_security_headers)
    app.after_request(_cors)
    app.register_error_handler(RequestSchemaValidationError, _handle_validation)
    app.register_error_handler(HTTPException, _handle_http)
    app.register_error_handler(Exception, _handle_unexpected)
