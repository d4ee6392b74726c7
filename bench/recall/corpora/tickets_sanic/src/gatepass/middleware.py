"""App-wide request/response middleware."""
from __future__ import annotations

import logging
import time

from sanic import Request, Sanic
from sanic.response import HTTPResponse

from gatepass.repositories.users import UserRepository
from gatepass.security.sessions import load_session
from gatepass.security.tokens import decode_access_token

logger = logging.getLogger(__name__)

WIDGET_PREFIX = "/api/v1/widget/"


async def _user_from_bearer(request: Request, token: str):
    claims = decode_access_token(token, request.app.config)
    if claims is None:
        return None
    return await UserRepository(request.app.ctx.db).get(int(claims["sub"]))


async def _user_from_cookie(request: Request, raw: str):
    data = load_session(raw, request.app.config)
    if data is None:
        return None
    user = await UserRepository(request.app.ctx.db).get(int(data["uid"]))
    # bumping session_version (password change, "log out everywhere") kills old cookies
    if user is None or user["session_version"] != data.get("sv"):
        return None
    return user


def register(app: Sanic) -> None:
    @app.on_request
    async def load_user(request: Request) -> None:
        request.ctx.started = time.perf_counter()
        request.ctx.user = None
        request.ctx.auth_method = None

        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer ":
            user = await _user_from_bearer(request, auth[7:].strip())
            if user is not None:
                request.ctx.user = user
                request.ctx.auth_method = "bearer"
            return

        raw = request.cookies.get(request.app.config.SESSION_COOKIE)
        if raw:
            request.ctx.user = await _user_from_cookie(request, raw)
            if request.ctx.user is not None:
                request.ctx.auth_method = "cookie"

    @app.on_response
    async def security_headers(request: Request, response: HTTPResponse) -> None:
        cfg = request.app.config
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        if not request.path.startswith(WIDGET_PREFIX):
            response.headers.setdefault("X-Frame-Options", "DENY")
        if cfg.HSTS_SECONDS:
            response.headers["Strict-Transport-Security"] = f"max-age={cfg.HSTS_SECONDS}; includeSubDomains"

    @app.on_response
    async def widget_cors(request: Request, response: HTTPResponse) -> None:
        # the booking widget is embedded on organiser sites we don't know in
        # advance, so the origin list can't live in CORS_ORIGINS
        if not request.path.startswith(WIDGET_PREFIX):
            return
        origin = request.headers.get("origin")
        if origin:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Credentials"] = "true"
            response.headers["Vary"] = "Origin"

    @app.on_response
    async def timing(request: Request, response: HTTPResponse) -> None:
        started = getattr(request.ctx, "started", None)
        if started is not None:
            elapsed = (time.perf_counter() - started) * 1000
            response.headers["Server-Timing"] = f"app;dur={elapsed:.1f}"
            if elapsed > 1000:
                logger.warning("slow request %s %s took %.0fms", request.method, request.path, elapsed)
