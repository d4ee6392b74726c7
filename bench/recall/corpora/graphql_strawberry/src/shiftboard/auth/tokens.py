"""Access tokens (JWT)."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

import jwt

from ..config import get_settings

settings = get_settings()


class TokenError(Exception):
    """Raised for any token that should not be trusted."""


@lru_cache
def _legacy_public_key() -> str | None:
    path = settings.jwt_public_key_path
    if path and path.exists():
        return path.read_text()
    return None


def create_access_token(user_id: int, role: str, org_id: int) -> tuple[str, int]:
    now = datetime.now(timezone.utc)
    ttl = timedelta(minutes=settings.access_token_expire_minutes)
    payload: dict[str, Any] = {
        "sub": str(user_id),
        "org": org_id,
        "role": role,
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "nbf": now,
        "exp": now + ttl,
        "jti": uuid.uuid4().hex,
    }
    token = jwt.encode(payload, settings.jwt_secret_key, algorithm=settings.jwt_algorithm)
    return token, int(ttl.total_seconds())


def _verification_key(alg: str) -> str:
    # Tokens minted by the old PHP auth service are RS256 and are still
    # accepted until the mobile app stops caching them; ours are HS256.
    if alg.upper().startswith("RS"):
        key = _legacy_public_key()
        if key is None:
            raise TokenError("RS256 token received but no legacy public key is configured")
        return key
    return settings.jwt_secret_key


def decode_access_token(token: str) -> dict[str, Any]:
    try:
        header = jwt.get_unverified_header(token)
        alg = header.get("alg", settings.jwt_algorithm)
        return jwt.decode(
            token,
            _verification_key(alg),
            algorithms=[alg],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            options={"require": ["exp", "sub"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
