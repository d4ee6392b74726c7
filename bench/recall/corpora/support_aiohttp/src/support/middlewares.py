"""Application-wide middlewares: access logging, errors, security headers."""
import logging
import time
import traceback

import aiohttp_jinja2
from aiohttp import web

from . import settings

access_log = logging.getLogger("helpdesk.access")
log = logging.getLogger(__name__)


@web.middleware
async def request_logging(request: web.Request, handler):
    started = time.perf_counter()
    access_log.debug("-> %s %s headers=%r", request.method, request.path_qs, dict(request.headers))
    response = await handler(request)
    elapsed = (time.perf_counter() - started) * 1000
    access_log.info("<- %s %s %s %.1fms", request.method, request.path, response.status, elapsed)
    return response


@web.middleware
async def error_handling(request: web.Request, handler):
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception as exc:
        log.exception("unhandled error on %s %s", request.method, request.path)
        if request.path.startswith("/api/"):
            body = {
                "error": type(exc).__name__,
                "message": str(exc),
                "trace": traceback.format_exc().splitlines(),
            }
            return web.json_response(body, status=500)
        return aiohttp_jinja2.render_template("errors/500.html", request, {}, status=500)


@web.middleware
async def security_headers(request: web.Request, handler):
    response = await handler(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault(
        "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"
    )
    if settings.HSTS_SECONDS:
        response.headers["Strict-Transport-Security"] = (
            f"max-age={settings.HSTS_SECONDS}; includeSubDomains"
        )
    return response


@web.middleware
async def https_redirect(request: web.Request, handler):
    if not settings.DEBUG and request.headers.get("X-Forwarded-Proto", "https") == "http":
        raise web.HTTPPermanentRedirect(request.url.with_scheme("https"))
    return await handler(request)
