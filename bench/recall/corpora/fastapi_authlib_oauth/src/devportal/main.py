"""ASGI application factory."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from devportal import __version__
from devportal.config import get_settings
from devportal.db import close_connections
from devportal.limiter import limiter
from devportal.observability import (
    RequestContextMiddleware,
    SecurityHeadersMiddleware,
    configure_logging,
    register_exception_handlers,
)
from devportal.routers import account, admin, api_auth, api_v1, auth, invites, ops, pages, webhooks


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    await close_connections()


def create_app() -> FastAPI:
    settings = get_settings()
    configure_logging(json_logs=settings.is_production, level=settings.log_level)

    app = FastAPI(title="Example Developer Portal", version=__version__, debug=settings.debug, lifespan=lifespan)
    app.state.limiter = limiter
    app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)
    register_exception_handlers(app)

    # Middleware runs in reverse order of registration: the last one added sees the request first.
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.session_secret.get_secret_value(),
        session_cookie="dp_session",
        max_age=12 * 60 * 60,
        same_site="lax",
        https_only=settings.is_production,
    )
    # The API explorer on docs.example.com and customer sandboxes (<name>.sandbox.example.com) call us from the browser.
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.is_production)
    app.add_middleware(RequestContextMiddleware)
    allowed_hosts = ["*"] if settings.environment == "development" else settings.allowed_hosts
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    if settings.is_production:
        app.add_middleware(HTTPSRedirectMiddleware)

    for module in (auth, pages, account, invites, admin, api_auth, api_v1, webhooks, ops):
        app.include_router(module.router)
    return app


app = create_app()
