import hashlib
import logging

from starlette.authentication import (
    AuthCredentials,
    AuthenticationBackend,
    AuthenticationError,
    BaseUser,
)
from starlette.requests import HTTPConnection

from bookings import config
from bookings.auth.tokens import TokenError, decode_token
from bookings.services import users as user_service

logger = logging.getLogger(__name__)


class SiteUser(BaseUser):
    def __init__(self, row):
        self.row = row
        self.id = row["id"]
        self.email = row["email"]
        self.is_admin = bool(row["is_admin"])

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def display_name(self) -> str:
        return self.row["display_name"]

    @property
    def identity(self) -> str:
        return str(self.id)


def _scopes_for(row) -> list:
    scopes = ["authenticated"]
    if row["is_admin"]:
        scopes.append("admin")
    return scopes


class SessionOrTokenBackend(AuthenticationBackend):
    """Bearer tokens for the mobile app, the signed session cookie for the site."""

    async def authenticate(self, conn: HTTPConnection):
        auth = conn.headers.get("Authorization")
        if auth:
            scheme, _, credentials = auth.partition(" ")
            if scheme.lower() != "bearer" or not credentials:
                raise AuthenticationError("Invalid authorization header")
            try:
                claims = decode_token(credentials)
            except TokenError:
                raise AuthenticationError("Invalid or expired token")
            row = await user_service.get_active_user(int(claims["sub"]))
            if row is None:
                raise AuthenticationError("Unknown user")
            return AuthCredentials(_scopes_for(row) + ["api"]), SiteUser(row)

        user_id = conn.session.get("user_id")
        if user_id is None:
            remember = conn.cookies.get(config.REMEMBER_COOKIE)
            if remember:
                token_hash = hashlib.sha256(remember.encode()).hexdigest()
                user_id = await user_service.user_id_for_remember_token(token_hash)
                if user_id:
                    conn.session["user_id"] = user_id
        if user_id is None:
            return None

        row = await user_service.get_active_user(user_id)
        if row is None:
            conn.session.clear()
            return None
        return AuthCredentials(_scopes_for(row)), SiteUser(row)
