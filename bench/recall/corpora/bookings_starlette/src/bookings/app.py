import contextlib
import logging.config

from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse

from bookings import config
from bookings.auth.backend import SessionOrTokenBackend
from bookings.csrf import CSRFMiddleware
from bookings.db import database
from bookings.errors import exception_handlers
from bookings.limiter import limiter
from bookings.logging_config import LOGGING
from bookings.middleware import RequestLogMiddleware, SecurityHeadersMiddleware
from bookings.routes import routes
from bookings.services import payments

logging.config.dictConfig(LOGGING)


def on_auth_error(conn: HTTPConnection, exc: Exception):
    return JSONResponse({"error": str(exc)}, status_code=401, headers={"WWW-Authenticate": "Bearer"})


@contextlib.asynccontextmanager
async def lifespan(app):
    await database.connect()
    try:
        yield
    finally:
        await payments.shutdown()
        await database.disconnect()


middleware = [
    Middleware(TrustedHostMiddleware, allowed_hosts=config.ALLOWED_HOSTS),
]
if config.HTTPS_REDIRECT:
    middleware.append(Middleware(HTTPSRedirectMiddleware))
middleware += [
    Middleware(SecurityHeadersMiddleware, hsts=config.HTTPS_REDIRECT),
    Middleware(CORSMiddleware, allow_origin_regex=config.CORS_ORIGIN_REGEX, allow_credentials=True,
               allow_methods=["GET", "POST", "OPTIONS"],
               allow_headers=["Authorization", "Content-Type", "X-CSRF-Token"]),
    Middleware(RequestLogMiddleware),
    # The widget iframe on partner sites needs the session too, hence SameSite=None.
    Middleware(SessionMiddleware, secret_key=str(config.SECRET_KEY), same_site="none", https_only=True,
               session_cookie=config.SESSION_COOKIE, max_age=config.SESSION_MAX_AGE),
    Middleware(CSRFMiddleware, routes=routes),
    Middleware(AuthenticationMiddleware, backend=SessionOrTokenBackend(), on_error=on_auth_error),
]

app = Starlette(
    debug=config.DEBUG,
    routes=routes,
    middleware=middleware,
    exception_handlers=exception_handlers,
    lifespan=lifespan,
)
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)
