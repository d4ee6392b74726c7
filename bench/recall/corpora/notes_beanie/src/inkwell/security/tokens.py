"""JWT helpers for API access / refresh tokens and e-mail verification links."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from jose import ExpiredSignatureError, JWTError, jwt

from inkwell.config import settings

TokenType = Literal["access", "refresh", "email_verify"]
ISSUER = "inkwell"


class TokenError(Exception):
    """The token is malformed, expired, or of the wrong type."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _signing_key() -> str:
    return settings.jwt_secret.get_secret_value()


def _encode(claims: dict[str, Any]) -> str:
    return jwt.encode(claims, _signing_key(), algorithm=settings.jwt_algorithm)


def create_access_token(
    user_id: str, *, is_admin: bool = False, token_version: int = 0
) -> tuple[str, datetime]:
    issued_at = _now()
    expires_at = issued_at + timedelta(minutes=settings.access_token_expire_minutes)
    claims = {
        "sub": user_id,
        "type": "access",
        "adm": is_admin,
        "ver": token_version,
        "iss": ISSUER,
        "iat": issued_at,
        "exp": expires_at,
    }
    return _encode(claims), expires_at


def create_refresh_token(user_id: str) -> tuple[str, str, datetime]:
    """Returns (token, jti, expires_at)."""
    jti = secrets.token_hex(16)
    issued_at = _now()
    expires_at = issued_at + timedelta(days=settings.refresh_token_expire_days)
    claims = {
        "sub": user_id,
        "type": "refresh",
        "jti": jti,
        "iss": ISSUER,
        "iat": issued_at,
        "exp": expires_at,
    }
    return _encode(claims), jti, expires_at


def create_email_token(user_id: str, email: str) -> str:
    claims = {
        "sub": user_id,
        "type": "email_verify",
        "email": email,
        "iss": ISSUER,
        "exp": _now() + timedelta(hours=settings.email_token_expire_hours),
    }
    return _encode(claims)


def decode_token(token: str, expected_type: TokenType) -> dict[str, Any]:
    try:
        claims = jwt.decode(token, _signing_key(), algorithms=[settings.jwt_algorithm], issuer=ISSUER)
    except ExpiredSignatureError as exc:
        raise TokenError("token expired") from exc
    except JWTError as exc:
        raise TokenError("invalid token") from exc
    if claims.get("type") != expected_type:
        raise TokenError("wrong token type")
    return claims


def claims_for_revocation(token: str) -> dict[str, Any]:
    """Decode a refresh token presented to /auth/logout.

    A client may hold an already-expired refresh token and still want it revoked, so expiry is
    not enforced here; the signature and issuer are.
    """
    try:
        claims = jwt.decode(
            token,
            _signing_key(),
            algorithms=[settings.jwt_algorithm],
            issuer=ISSUER,
            options={"verify_exp": False},
        )
    except JWTError as exc:
        raise TokenError("invalid token") from exc
    if claims.get("type") != "refresh" or "jti" not in claims:
        raise TokenError("wrong token type")
    return claims


def hash_token(token: str) -> str:
    """Digest used to store refresh tokens at rest."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
