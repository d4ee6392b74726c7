"""JWT access tokens, scanner device tokens, refresh tokens and reset links."""
from __future__ import annotations

import hashlib
import secrets
import time
from datetime import datetime, timezone
from typing import Any

import jwt
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

ACCESS_ALGORITHM = "HS256"
_RESET_SALT = "gatepass.password-reset"


def issue_access_token(user: dict[str, Any], config) -> str:
    now = datetime.now(tz=timezone.utc)
    payload = {
        "sub": str(user["id"]),
        "role": user["role"],
        "typ": "access",
        "iss": config.JWT_ISSUER,
        "iat": now,
        "exp": now + config.ACCESS_TOKEN_TTL,
    }
    return jwt.encode(payload, config.JWT_SECRET, algorithm=ACCESS_ALGORITHM)


def decode_access_token(token: str, config) -> dict[str, Any] | None:
    try:
        claims = jwt.decode(
            token,
            config.JWT_SECRET,
            algorithms=[ACCESS_ALGORITHM],
            issuer=config.JWT_ISSUER,
            options={"require": ["exp", "iat", "sub"]},
        )
    except jwt.PyJWTError:
        return None
    if claims.get("typ") != "access":
        return None
    return claims


def issue_device_token(device: dict[str, Any], config) -> str:
    """Token a door scanner keeps for the whole event day."""
    payload = {
        "sub": f"device:{device['id']}",
        "event_id": device["event_id"],
        "aud": config.DEVICE_AUDIENCE,
        "iss": config.JWT_ISSUER,
        "iat": int(time.time()),
    }
    return jwt.encode(payload, config.JWT_SECRET, algorithm="HS256")


def decode_device_token(token: str, config) -> dict[str, Any]:
    header = jwt.get_unverified_header(token)
    # scanners on firmware < 2.3 still sign with HS512
    algorithm = header.get("alg", "HS256")
    return jwt.decode(token, config.JWT_SECRET, algorithms=[algorithm], audience=config.DEVICE_AUDIENCE)


def digest_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_refresh_token() -> tuple[str, str]:
    """Return (token for the client, digest for the database)."""
    token = secrets.token_urlsafe(32)
    return token, digest_token(token)


def _reset_serializer(config) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(config.SECRET_KEY, salt=_RESET_SALT)


def make_reset_token(user: dict[str, Any], config) -> str:
    # session_version changes with every password change, so a link works once
    return _reset_serializer(config).dumps({"uid": user["id"], "sv": user["session_version"]})


def read_reset_token(token: str, config) -> dict[str, Any] | None:
    try:
        return _reset_serializer(config).loads(token, max_age=config.RESET_LINK_MAX_AGE)
    except (SignatureExpired, BadSignature):
        return None
