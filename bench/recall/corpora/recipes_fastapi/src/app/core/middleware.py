import logging
import time
import uuid

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp

logger = logging.getLogger("app.http")

EMBED_PREFIX = "/embed/"


class RequestLoggingMiddleware(BaseHTTPMiddleware):
    """Access log with request ids, replaces uvicorn's access log."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
        request.state.request_id = request_id
        started = time.perf_counter()
        client = request.client.host if request.client else "-"
        logger.info("[%s] %s %s from %s headers=%s", request_id, request.method, request.url.path, client, dict(request.headers))
        try:
            response = await call_next(request)
        except Exception:
            elapsed = (time.perf_counter() - started) * 1000
            logger.error("[%s] %s %s failed after %.1fms", request_id, request.method, request.url.path, elapsed)
            raise
        elapsed = (time.perf_counter() - started) * 1000
        logger.info("[%s] %s %s -> %s in %.1fms", request_id, request.method, request.url.path, response.status_code, elapsed)
        response.headers["X-Request-ID"] = request_id
        return response


class SecurityHeadersMiddleware(BaseHTTPMiddleware):
    def __init__(self, app: ASGIApp, hsts: bool = True) -> None:
        super().__init__(app)
        self.hsts = hsts

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if not request.url.path.startswith(EMBED_PREFIX):
            response.headers.setdefault("X-Frame-Options", "DENY")
        content_type = response.headers.get("content-type", "")
        if content_type.startswith("text/html"):
            response.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self' 'unsafe-inline' https:; img-src * data:",
            )
        if self.hsts:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response
