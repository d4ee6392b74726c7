"""Authentication and response-hardening middleware.

* ``jwt_auth``: bearer tokens for the staff API (Litestar's JWTAuth).
* ``SecurityHeadersMiddleware``: HSTS and friends, plus an HTTPS redirect behind the TLS-terminating proxy.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from litestar.connection import ASGIConnection
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.middleware import AbstractMiddleware
from litestar.response import Redirect
from litestar.security.jwt import JWTAuth, Token
from litestar.types import Message, Receive, Scope, Send

from studio.config.app_config import sqlalchemy_config
from studio.config.settings import get_settings
from studio.db.models import User
from studio.db.repositories import UserRepository

settings = get_settings()


async def retrieve_user_handler(token: Token, connection: ASGIConnection[Any, Any, Any, Any]) -> User | None:
    try:
        user_id = UUID(token.sub)
    except ValueError:
        return None
    async with sqlalchemy_config.get_session() as session:
        repo = UserRepository(session=session)
        user = await repo.get_one_or_none(id=user_id)
    if user is None or not user.is_active:
        return None
    return user


jwt_auth = JWTAuth[User](
    retrieve_user_handler=retrieve_user_handler,
    token_secret=settings.security.jwt_secret.get_secret_value(),
    algorithm="HS256",
    default_token_expiration=timedelta(minutes=settings.security.access_token_ttl_minutes),
    exclude=["^/schema", "^/health", "^/portal", "^/webhooks", "^/internal"],
    exclude_opt_key="exclude_from_auth",
)


_HEADERS = {
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "content-security-policy": (
        "default-src 'self'; img-src 'self' https://*.amazonaws.com data:; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
    ),
}


class SecurityHeadersMiddleware(AbstractMiddleware):
    scopes = {ScopeType.HTTP}
    exclude = ["^/health"]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if get_settings().is_production and _forwarded_proto(scope) == "http":
            host = _header(scope, b"host") or "localhost"
            target = f"https://{host}{scope['path']}"
            if scope.get("query_string"):
                target += "?" + scope["query_string"].decode("latin-1")
            response = Redirect(path=target, status_code=308)
            await response.to_asgi_response(app=None, request=None)(scope, receive, send)  # type: ignore[arg-type]
            return

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableScopeHeaders.from_message(message=message)
                for name, value in _HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_wrapper)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _forwarded_proto(scope: Scope) -> str:
    return (_header(scope, b"x-forwarded-proto") or scope.get("scheme", "http")).split(",")[0].strip()
