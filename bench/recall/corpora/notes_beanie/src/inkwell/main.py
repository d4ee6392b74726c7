"""ASGI entry point: ``uvicorn inkwell.main:app``."""
from __future__ import annotations

import logging
import logging.config
import os
from contextlib import asynccontextmanager

import sentry_sdk
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from starlette.concurrency import run_in_threadpool
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from inkwell import __version__, db
from inkwell.config import settings
from inkwell.deps import limiter
from inkwell.exceptions import register_exception_handlers
from inkwell.middleware import RequestContextMiddleware
from inkwell.routers import (
    admin,
    analytics,
    auth,
    notebooks,
    notes,
    pages,
    realtime,
    shares,
    users,
    webhooks,
)
from inkwell.services import analytics_store

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "default": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "default"},
    },
    "root": {"handlers": ["console"], "level": "DEBUG" if settings.debug else "INFO"},
    "loggers": {
        "uvicorn.access": {"level": "WARNING"},
        "pymongo": {"level": "WARNING"},
    },
}

logging.config.dictConfig(LOGGING)
logger = logging.getLogger("inkwell")

SENTRY_DSN = os.getenv("SENTRY_DSN", "")
if SENTRY_DSN:
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=settings.environment,
        release=f"inkwell@{__version__}",
        traces_sample_rate=0.05,
        send_default_pii=False,
    )


@asynccontextmanager
async def lifespan(app: FastAPI):
    await db.connect()
    await run_in_threadpool(analytics_store.init_schema)
    logger.info("inkwell %s started (%s)", __version__, settings.environment)
    yield
    await db.disconnect()


def create_app() -> FastAPI:
    app = FastAPI(
        title=settings.app_name,
        version=__version__,
        debug=settings.debug,
        lifespan=lifespan,
        docs_url=None if settings.is_production else "/api/docs",
        redoc_url=None,
        openapi_url=None if settings.is_production else "/api/openapi.json",
    )
    app.state.limiter = limiter
    register_exception_handlers(app)

    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(RequestContextMiddleware)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type", "If-None-Match", "X-Request-ID"],
        expose_headers=["ETag", "X-Request-ID"],
    )
    # The load balancer health checks hit the bare instance IP.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=["inkwell.app", "*.inkwell.app", "*"])
    if settings.is_production:
        app.add_middleware(HTTPSRedirectMiddleware)

    for module in (auth, users, notes, notebooks, shares, analytics, pages, realtime, webhooks):
        app.include_router(module.router)
    app.include_router(admin.router)
    app.include_router(admin.ops_router)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> dict[str, bool]:
        return {"mongo": await db.ping()}

    return app


app = create_app()
