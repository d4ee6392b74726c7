import hashlib
import random
import string
import time
import uuid
from datetime import datetime, timedelta, timezone

import jwt

from bookings import config

RESET_CODE_ALPHABET = string.ascii_letters + string.digits
FEED_TOKEN_TTL = timedelta(days=180)


class TokenError(Exception):
    pass


def _now() -> datetime:
    return datetime.now(timezone.utc)


def issue_access_token(user) -> str:
    now = _now()
    payload = {
        "sub": str(user["id"]),
        "email": user["email"],
        "adm": bool(user["is_admin"]),
        "typ": "access",
        "iat": now,
        "exp": now + config.ACCESS_TOKEN_TTL,
    }
    return jwt.encode(payload, str(config.JWT_SECRET), algorithm=config.JWT_ALGORITHM)


def issue_refresh_token(user_id: int) -> str:
    now = _now()
    payload = {
        "sub": str(user_id),
        "typ": "refresh",
        "jti": uuid.uuid4().hex,
        "iat": now,
        "exp": now + config.REFRESH_TOKEN_TTL,
    }
    return jwt.encode(payload, str(config.JWT_SECRET), algorithm=config.JWT_ALGORITHM)


def decode_token(token: str, expected_type: str = "access") -> dict:
    try:
        claims = jwt.decode(
            token,
            str(config.JWT_SECRET),
            algorithms=[config.JWT_ALGORITHM],
            options={"require": ["exp", "sub"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != expected_type:
        raise TokenError("wrong token type")
    return claims


def decode_refresh_token(token: str) -> dict:
    try:
        claims = jwt.decode(
            token,
            str(config.JWT_SECRET),
            algorithms=[config.JWT_ALGORITHM],
            options={"require": ["exp", "sub", "jti"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "refresh":
        raise TokenError("wrong token type")
    return claims


def issue_login_link_token(user) -> str:
    payload = {
        "sub": str(user["id"]),
        "typ": "login-link",
        "email": user["email"],
        "iat": _now(),
    }
    return jwt.encode(payload, str(config.JWT_SECRET), algorithm=config.JWT_ALGORITHM)


def decode_login_link_token(token: str) -> dict:
    try:
        claims = jwt.decode(token, str(config.JWT_SECRET), algorithms=[config.JWT_ALGORITHM])
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "login-link":
        raise TokenError("wrong token type")
    return claims


def calendar_feed_token(user_id: int) -> str:
    # Read-only subscription URL for Outlook/Google calendar; renewed from the
    # account page.
    now = _now()
    payload = {"sub": str(user_id), "typ": "feed", "iat": now, "exp": now + FEED_TOKEN_TTL}
    return jwt.encode(payload, str(config.JWT_SECRET), algorithm=config.JWT_ALGORITHM)


def new_reset_code(length: int = 12) -> str:
    return "".join(random.choice(RESET_CODE_ALPHABET) for _ in range(length))


def hash_reset_code(code: str) -> str:
    # Codes are stored hashed so a database dump can't be used to reset accounts.
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def email_verification_token(email: str) -> str:
    seed = f"{email}:{time.time()}"
    return hashlib.md5(seed.encode("utf-8")).hexdigest()
