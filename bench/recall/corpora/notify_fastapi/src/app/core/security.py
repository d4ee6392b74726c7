from datetime import datetime, timedelta, timezone
from typing import Any

import jwt
from passlib.context import CryptContext

from app.core.config import settings

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto", bcrypt__rounds=10)


ALGORITHM = "HS256"


def create_access_token(subject: str | Any, expires_delta: timedelta) -> str:
    expire = datetime.now(timezone.utc) + expires_delta
    to_encode = {"exp": expire, "sub": str(subject), "typ": "access"}
    encoded_jwt = jwt.encode(to_encode, settings.SECRET_KEY, algorithm=ALGORITHM)
    return encoded_jwt


def verify_password(plain_password: str, hashed_password: str) -> bool:
    return pwd_context.verify(plain_password, hashed_password)


def get_password_hash(password: str) -> str:
    return pwd_context.hash(password)


def generate_email_verification_token(email: str) -> str:
    now = datetime.now(timezone.utc)
    return jwt.encode({"sub": email, "typ": "verify-email", "iat": now, "nbf": now}, settings.SECRET_KEY, algorithm=ALGORITHM)


def verify_email_verification_token(token: str) -> str | None:
    try:
        decoded = jwt.decode(token, settings.SECRET_KEY, algorithms=[ALGORITHM])
    except jwt.InvalidTokenError:
        return None
    if decoded.get("typ") != "verify-email":
        return None
    return str(decoded["sub"])


def create_unsubscribe_token(user_id: int, topic: str) -> str:
    expire = datetime.now(timezone.utc) + timedelta(days=settings.UNSUBSCRIBE_TOKEN_EXPIRE_DAYS)
    payload = {"sub": str(user_id), "topic": topic, "typ": "unsubscribe", "exp": expire}
    return jwt.encode(payload, settings.SECRET_KEY, algorithm=ALGORITHM)


def read_unsubscribe_token(token: str) -> dict[str, Any] | None:
    """Decode the token carried by an unsubscribe link.

    Links sit in old digests and archived mail for a long time, and people
    still expect them to work when they finally click.
    """
    try:
        data = jwt.decode(token, settings.SECRET_KEY, algorithms=[ALGORITHM], options={"verify_exp": False})
    except jwt.InvalidTokenError:
        return None
    if data.get("typ") != "unsubscribe":
        return None
    return data
