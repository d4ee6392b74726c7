import logging

from fastapi import Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, RedirectResponse
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from starlette.middleware.trustedhost import TrustedHostMiddleware

from app import __version__
from app.api import api_router
from app.core.config import settings
from app.core.logging import configure_logging
from app.core.middleware import RequestLoggingMiddleware, SecurityHeadersMiddleware
from app.core.rate_limit import RateLimit, limiter
from app.schemas import UserCreate, UserRead, UserUpdate
from app.users.auth import cookie_backend, fastapi_users, jwt_backend
from app.web import pages, public, team
from app.web.csrf import verify_csrf

configure_logging(settings.log_level)
logger = logging.getLogger("app")

app = FastAPI(
    title=settings.app_name,
    version=__version__,
    debug=settings.debug,
    docs_url=None if settings.is_production else "/api/docs",
    redoc_url=None,
    openapi_url=None if settings.is_production else "/api/openapi.json",
)

app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)

# --- middleware (last added runs first) ------------------------------------
if settings.environment == "development":
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=["*"])
else:
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)

app.add_middleware(SecurityHeadersMiddleware, hsts=settings.is_production)
app.add_middleware(RequestLoggingMiddleware)
app.add_middleware(
    CORSMiddleware,
    # the "pay now" widget is embedded on customers' own websites
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["GET", "POST", "PATCH", "DELETE"],
    allow_headers=["Authorization", "Content-Type", "HX-Request", "HX-Target", "X-CSRF-Token"],
)

# --- authentication (fastapi-users) -----------------------------------------
app.include_router(
    fastapi_users.get_auth_router(cookie_backend),
    prefix="/auth/cookie",
    tags=["auth"],
    dependencies=[Depends(RateLimit("10/minute", scope="login"))],
)
app.include_router(fastapi_users.get_auth_router(jwt_backend), prefix="/auth/jwt", tags=["auth"])
app.include_router(fastapi_users.get_register_router(UserRead, UserCreate), prefix="/auth", tags=["auth"])
app.include_router(
    fastapi_users.get_reset_password_router(),
    prefix="/auth",
    tags=["auth"],
    dependencies=[Depends(RateLimit("5/hour", scope="password-reset"))],
)
app.include_router(
    fastapi_users.get_verify_router(UserRead),
    prefix="/auth",
    tags=["auth"],
    dependencies=[Depends(RateLimit("5/hour", scope="verify"))],
)
app.include_router(fastapi_users.get_users_router(UserRead, UserUpdate), prefix="/users", tags=["users"])

# --- application ------------------------------------------------------------
app.include_router(api_router, prefix="/api")
app.include_router(pages.router, dependencies=[Depends(verify_csrf)])
app.include_router(team.router)
app.include_router(public.router)


@app.exception_handler(pages.LoginRequired)
async def redirect_to_login(request: Request, exc: pages.LoginRequired) -> RedirectResponse:
    return RedirectResponse("/login", status_code=303)


@app.exception_handler(Exception)
async def unhandled_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("Unhandled error on %s %s", request.method, request.url.path)
    request_id = getattr(request.state, "request_id", None)
    return JSONResponse(status_code=500, content={"detail": "Internal server error", "request_id": request_id})


@app.get("/healthz", include_in_schema=False)
async def healthz() -> dict[str, str]:
    return {"status": "ok", "version": __version__}
