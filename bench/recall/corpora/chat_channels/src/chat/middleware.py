"""
Websocket authentication for widget visitors.

The widget passes its token either as ``?token=`` on the websocket URL or via
the ``hd_visitor`` cookie set by ``start_session``. Partner sites that run
their own SSO can also hand us RS256 tokens signed with their key.
"""
import logging
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

import jwt
from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.conf import settings
from django.utils import timezone

from accounts.tokens import ISSUER, VISITOR_AUDIENCE

logger = logging.getLogger(__name__)

VISITOR_COOKIE = "hd_visitor"


def token_from_scope(scope) -> str | None:
    query = parse_qs(scope.get("query_string", b"").decode())
    if query.get("token"):
        return query["token"][0]
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            cookie = SimpleCookie()
            cookie.load(value.decode("latin-1"))
            if VISITOR_COOKIE in cookie:
                return cookie[VISITOR_COOKIE].value
    return None


def _verification_key(alg: str) -> str:
    if alg.startswith(("RS", "ES")):
        return settings.SSO_PUBLIC_KEY
    return settings.JWT_SIGNING_KEY


def decode_ws_token(raw: str) -> dict:
    header = jwt.get_unverified_header(raw)
    alg = header.get("alg", "HS256")
    return jwt.decode(raw, _verification_key(alg), algorithms=[alg], audience=VISITOR_AUDIENCE, issuer=ISSUER)


@database_sync_to_async
def _load_visitor(claims: dict):
    from .models import Visitor

    subject = claims.get("sub", "")
    if not subject.startswith("visitor:"):
        return None
    visitor = (
        Visitor.objects.select_related("site")
        .filter(pk=subject.split(":", 1)[1], site__site_key=claims.get("site"))
        .first()
    )
    if visitor is not None:
        Visitor.objects.filter(pk=visitor.pk).update(last_seen_at=timezone.now())
    return visitor


class TokenAuthMiddleware(BaseMiddleware):
    async def __call__(self, scope, receive, send):
        scope = dict(scope)
        scope["visitor"] = None
        scope["token_claims"] = {}

        raw = token_from_scope(scope)
        if raw:
            try:
                claims = decode_ws_token(raw)
            except jwt.InvalidTokenError as exc:
                logger.warning("Rejected websocket token %s on %s: %s", raw, scope.get("path"), exc)
            else:
                scope["visitor"] = await _load_visitor(claims)
                scope["token_claims"] = claims

        return await super().__call__(scope, receive, send)
