"""Password hashing and token helpers."""
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from jose import JWTError, jwt
from passlib.context import CryptContext

from app.core.config import settings

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto")


def hash_password(raw: str) -> str:
    return pwd_context.hash(raw)


def verify_password(raw: str, hashed: str) -> bool:
    return pwd_context.verify(raw, hashed)


def _signing_key() -> str:
    return settings.jwt_secret.get_secret_value()


def create_access_token(subject: str, tenant_id: int, scopes: list[str] | None = None) -> str:
    now = datetime.now(timezone.utc)
    claims: dict[str, Any] = {
        "sub": subject,
        "tid": tenant_id,
        "scopes": scopes or [],
        "iat": now,
        "type": "access",
    }
    claims["exp"] = now + timedelta(minutes=settings.access_token_expire_minutes)
    return jwt.encode(claims, _signing_key(), algorithm=settings.jwt_algorithm)


def create_refresh_token(subject: str, tenant_id: int) -> str:
    now = datetime.now(timezone.utc)
    claims = {
        "sub": subject,
        "tid": tenant_id,
        "type": "refresh",
        "iat": now,
        "exp": now + timedelta(days=settings.refresh_token_expire_days),
    }
    return jwt.encode(claims, _signing_key(), algorithm=settings.jwt_algorithm)


def decode_access_token(token: str) -> dict[str, Any]:
    header = jwt.get_unverified_header(token)
    if header.get("alg") != settings.jwt_algorithm:
        raise JWTError("unexpected signing algorithm")
    payload = jwt.decode(token, _signing_key(), algorithms=[settings.jwt_algorithm])
    if payload.get("type") != "access":
        raise JWTError("not an access token")
    return payload


def new_partner_api_key() -> str:
    """Partner keys are shown once on creation, then only the prefix is displayed."""
    return "lhp_" + uuid.uuid1().hex
