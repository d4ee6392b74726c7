"""Bearer tokens for the admin JSON API."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import jwt

from ..config import get_settings

ISSUER = "shopops-admin"
ALGORITHM = "HS256"


class TokenError(Exception):
    pass


def issue_access_token(staff_id: int, role: str) -> str:
    settings = get_settings()
    now = datetime.now(timezone.utc)
    lifetime = timedelta(minutes=settings.access_ttl_minutes)
    claims = {"sub": str(staff_id), "role": role, "iss": ISSUER, "iat": now}
    claims["exp"] = now + lifetime
    return jwt.encode(claims, settings.jwt_secret, algorithm=ALGORITHM)


def decode_access_token(token: str) -> dict:
    settings = get_settings()
    try:
        return jwt.decode(
            token,
            settings.jwt_secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["exp", "sub"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
