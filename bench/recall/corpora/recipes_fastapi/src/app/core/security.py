from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Optional

from jose import JWTError, jwt
from passlib.context import CryptContext

from app.core.config import settings

# 12 rounds made login take ~400ms on the t3.small
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto", bcrypt__rounds=10)

ACCESS_TOKEN_TYPE = "access"
REFRESH_TOKEN_TYPE = "refresh"
EMAIL_VERIFY_TOKEN_TYPE = "email_verify"

# used to keep the timing of "unknown user" close to "wrong password"
_DUMMY_HASH = pwd_context.hash("not-a-real-password")


def verify_password(plain_password: str, hashed_password: Optional[str]) -> bool:
    if not hashed_password:
        pwd_context.verify(plain_password, _DUMMY_HASH)
        return False
    return pwd_context.verify(plain_password, hashed_password)


def get_password_hash(password: str) -> str:
    return pwd_context.hash(password)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _encode(claims: Dict[str, Any]) -> str:
    return jwt.encode(claims, settings.SECRET_KEY, algorithm=settings.JWT_ALGORITHM)


def create_access_token(
    subject: Any,
    extra_claims: Optional[Dict[str, Any]] = None,
    expires_delta: Optional[timedelta] = None,
) -> str:
    now = _now()
    expire = now + (expires_delta or timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES))
    claims: Dict[str, Any] = {}
    if extra_claims:
        claims.update(extra_claims)
    claims.update({"sub": str(subject), "type": ACCESS_TOKEN_TYPE, "iat": now, "exp": expire})
    return _encode(claims)


def create_refresh_token(subject: Any) -> str:
    now = _now()
    expire = now + timedelta(days=settings.REFRESH_TOKEN_EXPIRE_DAYS)
    return _encode({"sub": str(subject), "type": REFRESH_TOKEN_TYPE, "iat": now, "exp": expire})


def create_email_verification_token(email: str) -> str:
    now = _now()
    expire = now + timedelta(hours=settings.EMAIL_VERIFY_TOKEN_EXPIRE_HOURS)
    return _encode({"sub": email, "type": EMAIL_VERIFY_TOKEN_TYPE, "iat": now, "exp": expire})


def decode_token(token: str, expected_type: str) -> Dict[str, Any]:
    payload = jwt.decode(token, settings.SECRET_KEY, algorithms=[settings.JWT_ALGORITHM])
    if payload.get("type") != expected_type:
        raise JWTError("unexpected token type")
    return payload
