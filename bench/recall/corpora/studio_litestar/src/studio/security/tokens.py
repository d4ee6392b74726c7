"""Hand-rolled tokens that do not fit Litestar's JWTAuth: refresh and calendar feeds."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import jwt

from studio.config.settings import get_settings

_ALGORITHM = "HS256"
_ISSUER = "studiobook"


class TokenError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class RefreshClaims:
    user_id: UUID
    jti: str
    issued_at: datetime


def _signing_key() -> str:
    return get_settings().security.jwt_secret.get_secret_value()


def _now() -> datetime:
    return datetime.now(tz=UTC)


def issue_refresh_token(user_id: UUID) -> tuple[str, str]:
    """Return (token, jti). The jti is stored so the token can be revoked on logout."""
    ttl = timedelta(days=get_settings().security.refresh_token_ttl_days)
    jti = secrets.token_urlsafe(24)
    now = _now()
    payload = {
        "sub": str(user_id),
        "typ": "refresh",
        "jti": jti,
        "iss": _ISSUER,
        "iat": now,
        "exp": now + ttl,
    }
    return jwt.encode(payload, _signing_key(), algorithm=_ALGORITHM), jti


def decode_refresh_token(token: str) -> RefreshClaims:
    try:
        claims = jwt.decode(
            token,
            _signing_key(),
            algorithms=[_ALGORITHM],
            issuer=_ISSUER,
            options={"require": ["exp", "sub", "jti"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError("invalid refresh token") from exc
    if claims.get("typ") != "refresh":
        raise TokenError("not a refresh token")
    return RefreshClaims(
        user_id=UUID(claims["sub"]),
        jti=claims["jti"],
        issued_at=datetime.fromtimestamp(claims["iat"], tz=UTC),
    )


def claims_from_expired_access_token(token: str) -> dict[str, Any]:
    """Read an access token that may already be expired.

    The dashboard keeps a tab open for hours; instead of bouncing people to the login
    screen we re-issue an access token if the old one is no older than the grace period.
    """
    grace = timedelta(days=get_settings().security.refresh_grace_days)
    try:
        claims = jwt.decode(
            token,
            _signing_key(),
            algorithms=[_ALGORITHM],
            options={"verify_exp": False},
        )
    except jwt.PyJWTError as exc:
        raise TokenError("invalid access token") from exc
    issued = datetime.fromtimestamp(claims.get("iat", 0), tz=UTC)
    if _now() - issued > grace:
        raise TokenError("access token too old to refresh")
    return claims


def issue_calendar_feed_token(user_id: UUID, studio_id: UUID) -> str:
    """Token embedded in the .ics subscription URL that calendar apps poll."""
    payload = {
        "sub": str(user_id),
        "studio": str(studio_id),
        "scope": "calendar:read",
        "iss": _ISSUER,
        "iat": _now(),
    }
    return jwt.encode(payload, _signing_key(), algorithm=_ALGORITHM)


def decode_calendar_feed_token(token: str) -> tuple[UUID, UUID]:
    try:
        claims = jwt.decode(token, _signing_key(), algorithms=[_ALGORITHM], issuer=_ISSUER)
    except jwt.PyJWTError as exc:
        raise TokenError("invalid feed token") from exc
    if claims.get("scope") != "calendar:read":
        raise TokenError("wrong scope")
    return UUID(claims["sub"]), UUID(claims["studio"])
