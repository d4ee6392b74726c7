from contextlib import asynccontextmanager

import redis.asyncio as redis
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_limiter import FastAPILimiter
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from tortoise.contrib.fastapi import RegisterTortoise

from app import __version__
from app.api.routers import auth, courses, enrollments, internal, quizzes, reports, users, webhooks
from app.core.config import settings
from app.core.errors import install_error_handlers
from app.core.logging import configure_logging
from app.dashboard import routes as dashboard
from app.db import TORTOISE_ORM
from app.middleware import RequestLogMiddleware, SecurityHeadersMiddleware
from app.ws import live


@asynccontextmanager
async def lifespan(app: FastAPI):
    configure_logging()
    redis_conn = redis.from_url(settings.redis_url, encoding="utf-8", decode_responses=True)
    await FastAPILimiter.init(redis_conn)
    async with RegisterTortoise(app, config=TORTOISE_ORM, generate_schemas=False):
        yield
    await FastAPILimiter.close()


def create_app() -> FastAPI:
    app = FastAPI(
        title=settings.app_name,
        version=__version__,
        debug=settings.debug,
        lifespan=lifespan,
        docs_url=None if settings.is_production else "/docs",
        redoc_url=None,
    )

    api_prefix = "/api/v1"
    for module in (auth, users, courses, enrollments, quizzes, reports, webhooks):
        app.include_router(module.router, prefix=api_prefix)
    app.include_router(internal.router)
    app.include_router(dashboard.auth_router)
    app.include_router(dashboard.router)
    app.include_router(live.router)
    app.mount("/static", StaticFiles(packages=[("app", "static")], check_dir=False), name="static")

    install_error_handlers(app)

    # Middleware: last added runs first.
    app.add_middleware(RequestLogMiddleware)
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.is_production)
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.session_secret,
        session_cookie="lingua_dash",
        max_age=settings.session_max_age,
        same_site="lax",
        https_only=False,
    )
    # The booking widget is embedded on partner schools' own sites.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_credentials=True,
        allow_methods=["GET", "POST", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "X-CSRF-Token"],
    )
    if settings.is_production:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
        app.add_middleware(HTTPSRedirectMiddleware)
    return app


app = create_app()
