"""Passwordless sign-in links for the tenant web portal."""
import secrets
from datetime import timedelta

import jwt
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

MAGIC_LINK_TTL = timedelta(minutes=15)
_AUDIENCE = "rentwise-portal"


class InvalidMagicLink(Exception):
    pass


def issue_magic_link_token(user) -> str:
    now = timezone.now()
    payload = {
        "sub": str(user.pk),
        "aud": _AUDIENCE,
        "iat": now,
        "exp": now + MAGIC_LINK_TTL,
        "jti": secrets.token_urlsafe(16),
    }
    return jwt.encode(payload, settings.SECRET_KEY, algorithm="HS256")


def consume_magic_link_token(token: str) -> int:
    try:
        payload = jwt.decode(
            token,
            settings.SECRET_KEY,
            algorithms=["HS256"],
            audience=_AUDIENCE,
            options={"require": ["exp", "sub", "jti"]},
        )
    except jwt.PyJWTError as exc:
        raise InvalidMagicLink(str(exc)) from exc

    # single use: remember the jti until the token would have expired anyway
    if not cache.add(f"magic-link:{payload['jti']}", 1, timeout=int(MAGIC_LINK_TTL.total_seconds())):
        raise InvalidMagicLink("link already used")
    return int(payload["sub"])


def build_magic_link(user) -> str:
    return f"{settings.PORTAL_BASE_URL}/portal/login/{issue_magic_link_token(user)}/"
