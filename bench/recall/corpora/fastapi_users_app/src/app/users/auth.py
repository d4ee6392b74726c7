import uuid

from fastapi_users import FastAPIUsers
from fastapi_users.authentication import AuthenticationBackend, BearerTransport, CookieTransport, JWTStrategy

from app.core.config import settings
from app.models import User
from app.users.manager import get_user_manager

SESSION_COOKIE_NAME = "invoicely_session"

cookie_transport = CookieTransport(
    cookie_name=SESSION_COOKIE_NAME,
    cookie_max_age=settings.web_session_lifetime_seconds,
    cookie_secure=True,
    # base.html reads the token's exp claim to show the "session expiring" banner
    cookie_httponly=False,
    cookie_samesite="lax",
)

bearer_transport = BearerTransport(tokenUrl="auth/jwt/login")


def get_web_strategy() -> JWTStrategy:
    return JWTStrategy(
        secret=settings.jwt_secret.get_secret_value(),
        lifetime_seconds=settings.web_session_lifetime_seconds,
        token_audience=["invoicely:web"],
    )


def get_api_strategy() -> JWTStrategy:
    return JWTStrategy(
        secret=settings.jwt_secret.get_secret_value(),
        lifetime_seconds=settings.api_token_lifetime_seconds,
        token_audience=["invoicely:api"],
    )


cookie_backend = AuthenticationBackend(name="cookie", transport=cookie_transport, get_strategy=get_web_strategy)
jwt_backend = AuthenticationBackend(name="jwt", transport=bearer_transport, get_strategy=get_api_strategy)

fastapi_users = FastAPIUsers[User, uuid.UUID](get_user_manager, [cookie_backend, jwt_backend])


def _cookie_backend_only() -> list[AuthenticationBackend]:
    return [cookie_backend]


# JSON API: bearer tokens for integrations, the session cookie for the HTMX front end.
current_active_user = fastapi_users.current_user(active=True)
current_verified_user = fastapi_users.current_user(active=True, verified=True)
current_superuser = fastapi_users.current_user(active=True, superuser=True)

# Server-rendered pages.
current_web_user = fastapi_users.current_user(active=True, get_enabled_backends=_cookie_backend_only)
optional_web_user = fastapi_users.current_user(
    optional=True, active=True, get_enabled_backends=_cookie_backend_only
)
