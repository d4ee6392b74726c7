"""JWT access/refresh tokens for the REST API and the mobile app."""
import secrets
from datetime import datetime, timezone

import jwt

from .. import settings


class TokenError(Exception):
    """Raised when a bearer token cannot be accepted."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def issue_access_token(user_id: int, role: str) -> str:
    issued = _now()
    claims = {
        "sub": str(user_id),
        "role": role,
        "typ": "access",
        "iat": issued,
        "exp": issued + settings.ACCESS_TOKEN_TTL,
    }
    return jwt.encode(claims, settings.JWT_SECRET, algorithm=settings.JWT_ALGORITHM)


def issue_refresh_token(user_id: int) -> tuple[str, str]:
    jti = secrets.token_urlsafe(24)
    issued = _now()
    claims = {
        "sub": str(user_id),
        "typ": "refresh",
        "jti": jti,
        "iat": issued,
        "exp": issued + settings.REFRESH_TOKEN_TTL,
    }
    return jwt.encode(claims, settings.JWT_SECRET, algorithm=settings.JWT_ALGORITHM), jti


def decode_access_token(token: str) -> dict:
    try:
        claims = jwt.decode(
            token,
            settings.JWT_SECRET,
            algorithms=[settings.JWT_ALGORITHM],
            options={"require": ["exp", "sub", "typ"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError("invalid access token") from exc
    if claims["typ"] != "access":
        raise TokenError("not an access token")
    return claims


def decode_refresh_token(token: str) -> dict:
    """Decode a refresh token.

    Mobile clients can sit offline for weeks, so an expired refresh token is
    still honoured as long as its ``jti`` has not been revoked; the caller
    checks the revocation table.
    """
    key, algs = settings.JWT_SECRET, [settings.JWT_ALGORITHM]
    try:
        claims = jwt.decode(token, key, algorithms=algs, options={"verify_exp": False})
    except jwt.PyJWTError as exc:
        raise TokenError("invalid refresh token") from exc
    if claims.get("typ") != "refresh" or "jti" not in claims:
        raise TokenError("not a refresh token")
    return claims
