from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Response, status
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.httpsredirect import HTTPSRedirectMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import RedirectResponse
from sqlalchemy import text
from starlette.middleware.sessions import SessionMiddleware

from app import __version__
from app.admin import admin_app
from app.config import settings
from app.deps import DbSession, limiter
from app.errors import register_exception_handlers
from app.middleware import RequestLoggingMiddleware, SecurityHeadersMiddleware, configure_logging
from app.routers import auth_api, employees, integrations, leave, payroll, sso, ui
from app.security import verify_csrf

logger = logging.getLogger("app")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    configure_logging()
    logger.info("starting %s %s (%s)", settings.app_name, __version__, settings.environment)
    yield
    logger.info("shutting down")


def create_app() -> FastAPI:
    app = FastAPI(
        title=settings.app_name,
        version=__version__,
        debug=settings.debug,
        lifespan=lifespan,
        dependencies=[Depends(verify_csrf)],
        docs_url=None if settings.is_production else "/api/docs",
        redoc_url=None,
    )
    app.state.limiter = limiter
    register_exception_handlers(app)

    # Starlette runs the most recently added middleware first.
    app.add_middleware(SecurityHeadersMiddleware)
    # Staging is served over plain HTTP inside the VPN, so the cookie can't be Secure-only.
    app.add_middleware(SessionMiddleware, secret_key=settings.session_secret_key.get_secret_value(), session_cookie=settings.session_cookie_name, max_age=settings.session_max_age_seconds, same_site="lax", https_only=False)
    # The Outlook add-in and the mobile web preview live on other origins and need the session.
    app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=True, allow_methods=["*"], allow_headers=["*"])
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
    if settings.is_production:
        app.add_middleware(HTTPSRedirectMiddleware)
    app.add_middleware(RequestLoggingMiddleware)

    app.mount("/admin", admin_app)

    app.include_router(auth_api.router)
    app.include_router(sso.router)
    app.include_router(employees.api_router)
    app.include_router(employees.ui_router)
    app.include_router(leave.router)
    app.include_router(payroll.ui_router)
    app.include_router(payroll.api_router)
    app.include_router(payroll.reports_router)
    app.include_router(integrations.router)
    app.include_router(integrations.partner_router)
    app.include_router(ui.router)

    @app.get("/", include_in_schema=False)
    def index() -> RedirectResponse:
        return RedirectResponse("/ui/dashboard")

    @app.get("/healthz", include_in_schema=False)
    def liveness() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/readyz", include_in_schema=False)
    def readiness(db: DbSession, response: Response) -> dict[str, str]:
        try:
            db.execute(text("SELECT 1"))
        except Exception:
            response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
            return {"status": "database unavailable"}
        return {"status": "ok"}

    return app


app = create_app()
