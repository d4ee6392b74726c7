"""HTTP middleware: request logging, CSRF cookie issuing and security headers."""
import logging
import time

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request

from app.config import get_settings
from app.security.csrf import CSRF_COOKIE_NAME, new_csrf_token, set_csrf_cookie

logger = logging.getLogger("gather.http")
settings = get_settings()


class RequestLogMiddleware(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        started = time.perf_counter()
        response = await call_next(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        client = request.client.host if request.client else "-"
        logger.info("%s %s %s -> %s (%.1f ms)", client, request.method, request.url.path, response.status_code, elapsed_ms)
        return response


class CSRFCookieMiddleware(BaseHTTPMiddleware):
    """Give every visitor a CSRF cookie before they are shown a form."""

    async def dispatch(self, request: Request, call_next):
        token = request.cookies.get(CSRF_COOKIE_NAME)
        issued = token is None
        if issued:
            token = new_csrf_token()
        request.state.csrf_token = token
        response = await call_next(request)
        if issued:
            set_csrf_cookie(response, token, secure=settings.cookie_secure)
        return response


class SecurityHeadersMiddleware(BaseHTTPMiddleware):
    def __init__(self, app, hsts: bool = True):
        super().__init__(app)
        self.hsts = hsts

    async def dispatch(self, request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if self.hsts:
            response.headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
        return response
