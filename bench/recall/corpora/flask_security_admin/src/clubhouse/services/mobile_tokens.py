"""JSON Web Tokens for the mobile app and the front-desk tablets."""
import logging
import secrets
from datetime import datetime, timezone

import jwt
from flask import current_app

from ..extensions import cache

log = logging.getLogger(__name__)

ALGORITHM = "HS256"
REVOKED_PREFIX = "revoked-jti:"


def _key():
    return current_app.config["MOBILE_JWT_SECRET"]


def _now():
    return datetime.now(timezone.utc)


def issue_token_pair(user):
    now = _now()
    jti = secrets.token_hex(16)
    access = jwt.encode(
        {"sub": user.fs_uniquifier, "type": "access", "iat": now, "exp": now + current_app.config["MOBILE_ACCESS_TTL"]},
        _key(),
        algorithm=ALGORITHM,
    )
    refresh = jwt.encode(
        {"sub": user.fs_uniquifier, "type": "refresh", "jti": jti, "iat": now,
         "exp": now + current_app.config["MOBILE_REFRESH_TTL"]},
        _key(),
        algorithm=ALGORITHM,
    )
    log.info("issued mobile token pair jti=%s user_id=%s", jti, user.id)
    return {
        "access_token": access,
        "refresh_token": refresh,
        "token_type": "Bearer",
        "expires_in": int(current_app.config["MOBILE_ACCESS_TTL"].total_seconds()),
    }


def decode_access_token(token):
    claims = jwt.decode(token, _key(), algorithms=[ALGORITHM])
    if claims.get("type") != "access":
        raise jwt.InvalidTokenError("not an access token")
    return claims


def decode_refresh_token(token):
    # Phones can be offline for weeks between app launches; revocation by jti
    # is what ends a session.
    claims = jwt.decode(token, _key(), algorithms=[ALGORITHM], options={"verify_exp": False})
    if claims.get("type") != "refresh":
        raise jwt.InvalidTokenError("not a refresh token")
    if cache.get(REVOKED_PREFIX + claims["jti"]):
        raise jwt.InvalidTokenError("refresh token revoked")
    return claims


def revoke_refresh_token(claims):
    cache.set(REVOKED_PREFIX + claims["jti"], True, timeout=0)


def issue_device_token(device):
    payload = {"sub": f"device:{device.id}", "scope": "checkin", "iat": _now()}
    return jwt.encode(payload, _key(), algorithm=ALGORITHM)


def decode_device_token(token):
    claims = jwt.decode(token, _key(), algorithms=[ALGORITHM])
    if claims.get("scope") != "checkin" or not str(claims.get("sub", "")).startswith("device:"):
        raise jwt.InvalidTokenError("not a device token")
    return claims
