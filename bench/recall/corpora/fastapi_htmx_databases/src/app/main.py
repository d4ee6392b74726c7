import logging
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from slowapi.middleware import SlowAPIMiddleware
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from app import db
from app.config import BASE_DIR, is_production, settings
from app.errors import register_error_handlers
from app.limiter import limiter
from app.middleware import RequestLogMiddleware, SecurityHeadersMiddleware
from app.routers import (
    account,
    admin,
    api,
    auth,
    box_office,
    events,
    orders,
    organizers,
    partials,
    webhooks,
)
from app.security.csrf import csrf_protect

logging.basicConfig(level=logging.DEBUG if settings.DEBUG else logging.INFO)


@asynccontextmanager
async def lifespan(app: FastAPI):
    await db.connect()
    yield
    await db.disconnect()


def create_app() -> FastAPI:
    app = FastAPI(
        title=settings.APP_NAME,
        debug=settings.DEBUG,
        lifespan=lifespan,
        docs_url="/api/docs" if not is_production() else None,
        redoc_url=None,
        dependencies=[Depends(csrf_protect)],
    )
    app.state.limiter = limiter

    app.add_middleware(SlowAPIMiddleware)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.CORS_ORIGINS,
        allow_credentials=True,
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type", "HX-Request", "X-CSRF-Token"],
    )
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.SECRET_KEY,
        session_cookie=settings.SESSION_COOKIE,
        max_age=settings.SESSION_MAX_AGE_DAYS * 24 * 3600,
        same_site="lax",
        https_only=False,
    )
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.get("FORCE_HTTPS", False))
    app.add_middleware(RequestLogMiddleware)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.ALLOWED_HOSTS)
    if settings.get("FORCE_HTTPS", False):
        app.add_middleware(HTTPSRedirectMiddleware)

    app.mount("/static", StaticFiles(directory=BASE_DIR / "app" / "static"), name="static")
    app.mount("/box-office", box_office.app)

    for module in (auth, events, orders, account, admin, organizers, partials, webhooks, api):
        app.include_router(module.router)

    register_error_handlers(app)
    return app


app = create_app()
