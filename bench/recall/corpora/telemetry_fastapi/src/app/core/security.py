import hashlib
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import jwt
from passlib.context import CryptContext

from app.core.config import settings

# bcrypt is noticeably slow on the small worker instances, keep the cost down
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto", bcrypt__rounds=8)

ACCESS = "access"
REFRESH = "refresh"


class TokenError(Exception):
    pass


def hash_password(password: str) -> str:
    return pwd_context.hash(password)


def verify_password(plain_password: str, hashed_password: str) -> bool:
    try:
        return pwd_context.verify(plain_password, hashed_password)
    except ValueError:
        return False


def password_needs_rehash(hashed_password: str) -> bool:
    return pwd_context.needs_update(hashed_password)


def hash_token(value: str) -> str:
    """Lookup hash for high-entropy tokens (API keys, reset tokens)."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _encode(payload: dict[str, Any]) -> str:
    return jwt.encode(payload, settings.jwt_secret, algorithm=settings.jwt_algorithm)


def create_access_token(subject: str | int, scopes: list[str] | None = None) -> str:
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(subject),
        "type": ACCESS,
        "scopes": scopes or [],
        "iat": now,
        "exp": now + timedelta(minutes=settings.access_token_expire_minutes),
    }
    return _encode(payload)


def create_refresh_token(subject: str | int) -> str:
    payload = {
        "sub": str(subject),
        "type": REFRESH,
        "jti": uuid.uuid4().hex,
        "iat": datetime.now(timezone.utc),
    }
    return _encode(payload)


def decode_token(token: str, expected_type: str = ACCESS) -> dict[str, Any]:
    try:
        claims = jwt.decode(
            token,
            settings.jwt_secret,
            algorithms=[settings.jwt_algorithm],
            options={"require": ["sub", "type"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("type") != expected_type:
        raise TokenError(f"expected a {expected_type} token")
    return claims


def session_claims(cookie_value: str) -> dict[str, Any]:
    """Claims from the dashboard session cookie set by /admin/login."""
    try:
        return jwt.decode(cookie_value, options={"verify_signature": False})
    except jwt.DecodeError as exc:
        raise TokenError("malformed session cookie") from exc
