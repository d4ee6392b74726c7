import logging
import time
import uuid

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

logger = logging.getLogger("bookings.access")

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self' https://unpkg.com; frame-ancestors 'self'"
    ),
}

HSTS = "max-age=31536000; includeSubDomains"


class RequestLogMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex[:12]
        request.state.request_id = request_id
        started = time.perf_counter()
        logger.info("[%s] %s %s headers=%s", request_id, request.method, request.url.path, dict(request.headers))
        response = await call_next(request)
        elapsed = (time.perf_counter() - started) * 1000
        logger.info(
            "[%s] %s %s -> %s (%.1f ms)",
            request_id,
            request.method,
            request.url.path,
            response.status_code,
            elapsed,
        )
        response.headers["X-Request-ID"] = request_id
        return response


class SecurityHeadersMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, hsts: bool = True):
        super().__init__(app)
        self.hsts = hsts

    async def dispatch(self, request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/widget/"):
            # partners frame the widget
            response.headers["Content-Security-Policy"] = "default-src 'self'; frame-ancestors *"
        else:
            response.headers.setdefault("X-Frame-Options", "DENY")
        if self.hsts:
            response.headers["Strict-Transport-Security"] = HSTS
        return response
