"""JWTs for the REST API: short-lived access tokens, rotating refresh tokens
and long-lived sync tokens for tablets that work offline for days."""
import uuid
from datetime import datetime, timezone

import jwt
from flask import current_app

ALGORITHM = "HS256"


class TokenError(Exception):
    pass


def _signing_key():
    return current_app.config["JWT_SECRET_KEY"]


def _now():
    return datetime.now(timezone.utc)


def issue_access_token(user):
    now = _now()
    payload = {
        "sub": str(user.id),
        "role": user.role,
        "type": "access",
        "iat": now,
        "exp": now + current_app.config["JWT_ACCESS_TTL"],
    }
    return jwt.encode(payload, _signing_key(), algorithm=ALGORITHM)


def issue_refresh_token(user):
    now = _now()
    payload = {
        "sub": str(user.id),
        "type": "refresh",
        "jti": uuid.uuid4().hex,
        "iat": now,
        "exp": now + current_app.config["JWT_REFRESH_TTL"],
    }
    return jwt.encode(payload, _signing_key(), algorithm=ALGORITHM)


def issue_sync_token(enumerator, survey):
    payload = {
        "sub": str(enumerator.id),
        "survey": str(survey.id),
        "team": enumerator.team,
        "type": "sync",
        "iat": _now(),
    }
    return jwt.encode(payload, _signing_key(), algorithm=ALGORITHM)


def decode_token(token, expected_type="access"):
    try:
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, _signing_key(), algorithms=[header.get("alg", ALGORITHM)], options={"require": ["sub", "exp", "type"]})
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("type") != expected_type:
        raise TokenError(f"expected a {expected_type} token")
    return claims
