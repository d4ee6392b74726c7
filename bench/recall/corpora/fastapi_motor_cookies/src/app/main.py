"""ASGI entry point: ``gunicorn -c gunicorn.conf.py app.main:app``."""
import logging
from contextlib import asynccontextmanager
from pathlib import Path

import redis.asyncio as redis
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_limiter import FastAPILimiter
from starlette.middleware.trustedhost import TrustedHostMiddleware

from app.config import get_settings
from app.db import close_mongo, connect_mongo
from app.errors import register_exception_handlers
from app.middleware import CSRFCookieMiddleware, RequestLogMiddleware, SecurityHeadersMiddleware
from app.routers import account, admin, api, auth, chat, events, health, pages, webhooks

BASE_DIR = Path(__file__).resolve().parent
settings = get_settings()

logging.basicConfig(
    level=settings.log_level.upper(),
    format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
)
logger = logging.getLogger("gather")


@asynccontextmanager
async def lifespan(app: FastAPI):
    await connect_mongo(settings.mongodb_url, settings.mongodb_db)
    redis_client = redis.from_url(settings.redis_url, encoding="utf-8", decode_responses=True)
    await FastAPILimiter.init(redis_client, prefix="gather-limiter")
    logger.info("gather started (environment=%s)", settings.environment)
    try:
        yield
    finally:
        await FastAPILimiter.close()
        await close_mongo()


def create_app() -> FastAPI:
    app = FastAPI(
        title=settings.app_name,
        debug=settings.debug,
        lifespan=lifespan,
        docs_url=None if settings.is_production else "/docs",
        redoc_url=None,
    )

    if settings.environment == "development":
        allowed_hosts = ["*"]
    else:
        allowed_hosts = settings.allowed_hosts

    # Partner sites embed the RSVP widget and call /api with the visitor's session.
    app.add_middleware(CORSMiddleware, allow_origin_regex=r"https://.*", allow_credentials=True,
                       allow_methods=["GET", "POST"], allow_headers=["*"])
    app.add_middleware(CSRFCookieMiddleware)
    app.add_middleware(RequestLogMiddleware)
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.is_production)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    app.mount("/static", StaticFiles(directory=BASE_DIR / "static"), name="static")
    for module in (pages, auth, account, events, chat, admin, api, webhooks, health):
        app.include_router(module.router)

    register_exception_handlers(app)
    return app


app = create_app()
