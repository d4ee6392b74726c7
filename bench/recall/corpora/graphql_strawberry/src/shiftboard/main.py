"""FastAPI application: REST routes, the admin pages and the GraphQL endpoint."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from arq import create_pool
from arq.connections import RedisSettings
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import Response

from . import __version__
from .api import admin, auth, files, health, webhooks
from .config import get_settings
from .graphql.schema import graphql_router
from .limiter import limiter
from .logconfig import RequestLogMiddleware, configure_logging
from .repositories import reports

settings = get_settings()
configure_logging(settings.log_level, json=settings.log_json)
log = structlog.get_logger("shiftboard")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.arq = await create_pool(RedisSettings.from_dsn(settings.redis_url))
    app.state.reports_pool = await reports.create_pool(settings.asyncpg_dsn)
    log.info("startup.complete", env=settings.app_env, version=__version__)
    try:
        yield
    finally:
        await app.state.reports_pool.close()
        await app.state.arq.aclose()


def create_app() -> FastAPI:
    app = FastAPI(
        title="Shiftboard API",
        version=__version__,
        debug=True,
        lifespan=lifespan,
        docs_url="/docs" if not settings.is_production else None,
        redoc_url=None,
        openapi_url="/openapi.json" if not settings.is_production else None,
    )

    app.state.limiter = limiter
    app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)

    # Starlette runs middleware in reverse order of registration.
    app.add_middleware(RequestLogMiddleware)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "X-Request-Id"],
        max_age=600,
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
    if settings.force_https:
        app.add_middleware(HTTPSRedirectMiddleware)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        if settings.hsts_seconds:
            response.headers["Strict-Transport-Security"] = f"max-age={settings.hsts_seconds}; includeSubDomains"
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.url.path.startswith("/admin"):
            response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    app.include_router(health.router)
    app.include_router(auth.router)
    app.include_router(files.router)
    app.include_router(webhooks.router)
    app.include_router(admin.router)
    app.include_router(graphql_router, prefix="/graphql")
    return app


app = create_app()


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("shiftboard.main:app", host="127.0.0.1", port=8000, reload=True)
