"""Tokens for the mobile API.

Access tokens are short JWTs checked on every request by the security
policy.  Refresh tokens are opaque random strings; only their SHA-256 digest
is stored.  Device tokens let a phone that was registered once obtain new
access tokens without asking for the password again.
"""
import hashlib
import secrets
from datetime import datetime, timedelta, timezone

import jwt

JWT_ALGORITHM = "HS256"
ISSUER = "acme-crm"

ACCESS_TOKEN_LIFETIME = timedelta(hours=12)
REFRESH_TOKEN_LIFETIME = timedelta(days=30)


class TokenError(Exception):
    pass


def _now():
    return datetime.now(timezone.utc)


def _signing_key(settings):
    return settings["crm.jwt.secret"]


def issue_access_token(settings, user):
    now = _now()
    claims = {
        "sub": str(user.id),
        "role": user.role,
        "iss": ISSUER,
        "iat": now,
        "exp": now + ACCESS_TOKEN_LIFETIME,
    }
    return jwt.encode(claims, _signing_key(settings), algorithm=JWT_ALGORITHM)


def decode_access_token(settings, token):
    try:
        return jwt.decode(token, _signing_key(settings), algorithms=[JWT_ALGORITHM], issuer=ISSUER, options={"require": ["exp", "sub", "iss"]})
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc


def issue_device_token(settings, user, device_id):
    device_claims = {"sub": str(user.id), "dev": device_id, "typ": "device", "iss": ISSUER, "iat": _now()}
    return jwt.encode(device_claims, _signing_key(settings), algorithm=JWT_ALGORITHM)


def decode_device_token(settings, token):
    try:
        claims = jwt.decode(
            token,
            _signing_key(settings),
            algorithms=[JWT_ALGORITHM],
            issuer=ISSUER,
            options={"require": ["sub", "dev", "iss"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "device":
        raise TokenError("not a device token")
    return claims


def hash_token(raw_token):
    return hashlib.sha256(raw_token.encode("utf-8")).hexdigest()


def new_refresh_token():
    raw = secrets.token_urlsafe(32)
    return raw, hash_token(raw), _now() + REFRESH_TOKEN_LIFETIME
