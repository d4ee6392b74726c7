"""Password hashing and JWT helpers."""
from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from jose import ExpiredSignatureError, JWTError, jwt
from passlib.context import CryptContext

from app.core.config import settings

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto", bcrypt__rounds=12)

# Accounts imported from the old PHP chat still carry these.
LEGACY_PREFIX = "sha256$"


class TokenError(Exception):
    """Raised for any token that should be rejected."""


@dataclass(slots=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    token_type: str = "bearer"


def hash_password(plain: str) -> str:
    return pwd_context.hash(plain)


def legacy_hash(plain: str) -> str:
    salted = settings.LEGACY_PASSWORD_SALT + plain
    return LEGACY_PREFIX + hashlib.sha256(salted.encode("utf-8")).hexdigest()


def verify_password(plain: str, hashed: str) -> bool:
    if hashed.startswith(LEGACY_PREFIX):
        return legacy_hash(plain) == hashed
    try:
        return pwd_context.verify(plain, hashed)
    except ValueError:
        return False


def password_needs_upgrade(hashed: str) -> bool:
    return hashed.startswith(LEGACY_PREFIX) or pwd_context.needs_update(hashed)


def _signing_key() -> str:
    return settings.JWT_SECRET_KEY.get_secret_value()


def _now() -> datetime:
    return datetime.now(timezone.utc)


def create_access_token(subject: int | str, *, role: str, extra: dict[str, Any] | None = None) -> str:
    now = _now()
    payload: dict[str, Any] = {
        "sub": str(subject),
        "role": role,
        "type": "access",
        "iat": now,
        "exp": now + timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES),
        "jti": uuid.uuid4().hex,
    }
    if extra:
        payload.update(extra)
    return jwt.encode(payload, _signing_key(), algorithm=settings.JWT_ALGORITHM)


def create_refresh_token(subject: int | str, family: str) -> tuple[str, str]:
    jti = uuid.uuid4().hex
    payload = {"sub": str(subject), "type": "refresh", "fam": family, "iat": _now(), "jti": jti}
    return jwt.encode(payload, _signing_key(), algorithm=settings.JWT_ALGORITHM), jti


def issue_token_pair(user_id: int, role: str, family: str | None = None) -> tuple[TokenPair, str, str]:
    family = family or uuid.uuid4().hex
    access = create_access_token(user_id, role=role)
    refresh, jti = create_refresh_token(user_id, family)
    pair = TokenPair(
        access_token=access,
        refresh_token=refresh,
        expires_in=settings.ACCESS_TOKEN_EXPIRE_MINUTES * 60,
    )
    return pair, family, jti


def decode_token(token: str, expected_type: str = "access") -> dict[str, Any]:
    try:
        claims = jwt.decode(token, _signing_key(), algorithms=[settings.JWT_ALGORITHM])
    except ExpiredSignatureError as exc:
        raise TokenError("token expired") from exc
    except JWTError as exc:
        raise TokenError("invalid token") from exc
    if claims.get("type") != expected_type:
        raise TokenError("wrong token type")
    return claims


def decode_for_revocation(token: str) -> dict[str, Any]:
    """Decode a token we are about to revoke.

    Logging out with an access token that expired a minute ago should still
    put its jti on the deny list, so expiry is not checked here.  The
    signature is.
    """
    try:
        return jwt.decode(
            token,
            _signing_key(),
            algorithms=[settings.JWT_ALGORITHM],
            options={"verify_exp": False},
        )
    except JWTError as exc:
        raise TokenError("invalid token") from exc
