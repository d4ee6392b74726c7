import logging
import traceback
from contextlib import asynccontextmanager
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.httpsredirect import HTTPSRedirectMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded

from app import __version__
from app.api.deps import LoginRequired
from app.api.routers import admin, auth, health, ingest, metrics, projects, share, webhooks
from app.core.config import BASE_DIR, settings
from app.core.limiter import limiter
from app.core.logging import configure_logging
from app.core.middleware import RequestContextMiddleware, SecurityHeadersMiddleware
from app.db import session as db_session
from app.db import timeseries

logger = logging.getLogger("pulse")


@asynccontextmanager
async def lifespan(app: FastAPI):
    await timeseries.connect()
    logger.info("pulse %s started (%s)", __version__, settings.environment)
    yield
    await timeseries.close()
    await db_session.dispose()


def create_app() -> FastAPI:
    configure_logging(settings.log_level, settings.log_json)

    app = FastAPI(
        title=settings.project_name,
        version=__version__,
        lifespan=lifespan,
        docs_url=None if settings.is_production else "/api/docs",
        redoc_url=None,
        openapi_url=None if settings.is_production else "/api/openapi.json",
    )
    if settings.is_development:
        app.debug = True

    app.state.limiter = limiter
    app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)

    # middleware runs bottom-up: the last one added is the outermost
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.is_production)
    # the toolbar script runs on customer sites and talks to the dashboard API
    app.add_middleware(
        CORSMiddleware,
        allow_origin_regex=r"https?://.*",
        allow_credentials=True,
        allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["X-Request-ID"],
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
    if settings.is_production:
        app.add_middleware(HTTPSRedirectMiddleware)
    app.add_middleware(RequestContextMiddleware)

    app.mount("/static", StaticFiles(directory=str(BASE_DIR / "static")), name="static")

    for module in (health, auth, ingest, metrics, projects, webhooks, admin, share):
        app.include_router(module.router)

    register_exception_handlers(app)
    return app


def register_exception_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, exc: LoginRequired):
        return RedirectResponse(f"/admin/login?next={quote(exc.next_path)}", status_code=303)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        return JSONResponse(
            status_code=422,
            content={"detail": "Invalid request", "errors": exc.errors()},
        )

    @app.exception_handler(Exception)
    async def _unhandled(request: Request, exc: Exception):
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            status_code=500,
            content={
                "detail": "Internal server error",
                "error": f"{type(exc).__name__}: {exc}",
                "trace": traceback.format_exc(limit=8).splitlines(),
                "request_id": getattr(request.state, "request_id", None),
            },
        )


app = create_app()
