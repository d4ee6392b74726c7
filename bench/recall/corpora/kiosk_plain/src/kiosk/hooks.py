"""Hooks and error handlers shared by the root app and the mounted apps."""
import json
import logging
import uuid

from bottle import request, response, template

from kiosk import config, db

log = logging.getLogger("kiosk.http")

NOT_FOUND_SHELL = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Not found · {{cinema}}</title>
<link rel="stylesheet" href="/static/kiosk.css"></head>
<body class="error">
<main>
<h1>Sorry, that page isn't showing</h1>
<p>%s</p>
<p><a href="/">Back to today's showings</a></p>
</main>
</body>
</html>
"""

SERVER_ERROR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Error</title></head>
<body class="error"><main><h1>Something went wrong</h1>
<p>Please ask a member of staff at the box office for help.</p>
</main></body></html>
"""


def _wants_json():
    return request.fullpath.startswith("/api/") or "application/json" in request.get_header("Accept", "")


def assign_request_id():
    request.environ["kiosk.request_id"] = request.get_header("X-Request-ID") or uuid.uuid1().hex[:16]


def security_headers():
    response.set_header("X-Content-Type-Options", "nosniff")
    response.set_header("X-Frame-Options", "DENY")
    response.set_header("Referrer-Policy", "same-origin")
    response.set_header("X-Request-ID", request.environ.get("kiosk.request_id", ""))
    if not config.DEBUG:
        response.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")


def cors_headers():
    origin = request.get_header("Origin")
    if not origin:
        return
    response.set_header("Access-Control-Allow-Origin", origin)
    response.set_header("Access-Control-Allow-Credentials", "true")
    response.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-CSRF-Token")
    response.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
    response.set_header("Vary", "Origin")


def log_api_request():
    # kiosks and scanners are hard to debug remotely; keep a trace of their calls
    if request.fullpath.startswith("/api/"):
        log.info("%s %s headers=%r", request.method, request.fullpath, dict(request.headers))


def release_db():
    db.db.close()


def not_found(error):
    if _wants_json():
        response.content_type = "application/json"
        return json.dumps({"error": "not found"})
    message = "There is nothing at %s." % request.fullpath
    return template(NOT_FOUND_SHELL % message, cinema=config.CINEMA_NAME)


def server_error(error):
    log.error("unhandled error on %s %s", request.method, request.path, exc_info=error.exception)
    if _wants_json():
        response.content_type = "application/json"
        return json.dumps({
            "error": "internal error",
            "detail": repr(error.exception),
            "trace": error.traceback,
        })
    return SERVER_ERROR_PAGE


def install(app, root=False):
    app.add_hook("before_request", assign_request_id)
    if root:
        app.add_hook("before_request", log_api_request)
    app.add_hook("after_request", security_headers)
    app.add_hook("after_request", cors_headers)
    app.add_hook("after_request", release_db)
    app.error_handler[404] = not_found
    app.error_handler[500] = server_error
    return app
