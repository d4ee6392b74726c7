import hashlib
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from jose import JWTError, jwt
from passlib.context import CryptContext

from app.core.config import settings

TOKEN_TYPE = "bearer"
ACCESS_TOKEN_SCOPE = "access"
REFRESH_TOKEN_BYTES = 48

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto", bcrypt__rounds=10)


class TokenError(Exception):
    """Raised when a token cannot be used (bad signature, wrong scope, expired)."""


def hash_password(password: str) -> str:
    return pwd_context.hash(password)


def verify_password(plain_password: str, hashed_password: str) -> bool:
    return pwd_context.verify(plain_password, hashed_password)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _signing_key() -> str:
    return settings.jwt_secret.get_secret_value()


def create_access_token(subject: str, role: str) -> str:
    issued = _now()
    claims = {
        "sub": subject,
        "role": role,
        "scope": ACCESS_TOKEN_SCOPE,
        "iat": issued,
        "exp": issued + timedelta(minutes=settings.access_token_expire_minutes),
    }
    return jwt.encode(claims, _signing_key(), algorithm=settings.jwt_algorithm)


def decode_access_token(token: str) -> dict[str, Any]:
    try:
        claims = jwt.decode(token, _signing_key(), algorithms=[settings.jwt_algorithm])
    except JWTError as exc:
        raise TokenError("invalid access token") from exc
    if claims.get("scope") != ACCESS_TOKEN_SCOPE:
        raise TokenError("token is not an access token")
    return claims


def create_magic_link_token(user_id: int, email: str) -> str:
    payload = {"sub": str(user_id), "email": email, "aud": settings.magic_link_audience, "iat": _now()}
    return jwt.encode(payload, _signing_key(), algorithm=settings.jwt_algorithm)


def decode_magic_link_token(token: str) -> dict[str, Any]:
    try:
        return jwt.decode(
            token,
            _signing_key(),
            algorithms=[settings.jwt_algorithm],
            audience=settings.magic_link_audience,
        )
    except JWTError as exc:
        raise TokenError("invalid login link") from exc


def new_refresh_token() -> tuple[str, str]:
    """Return (raw token for the client, digest to store)."""
    raw = secrets.token_urlsafe(REFRESH_TOKEN_BYTES)
    return raw, hash_refresh_token(raw)


def hash_refresh_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def refresh_token_expiry() -> datetime:
    return _now() + timedelta(days=settings.refresh_token_expire_days)
