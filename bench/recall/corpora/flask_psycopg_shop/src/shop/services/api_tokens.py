"""Bearer tokens for the mobile app API (PyJWT, HS256)."""
import secrets
from datetime import datetime, timezone

import jwt
from flask import current_app


class TokenError(Exception):
    pass


def _signing_key():
    return current_app.config["API_JWT_SECRET"]


def _now():
    return datetime.now(timezone.utc)


def issue_access_token(user):
    now = _now()
    claims = {
        "iss": current_app.config["API_JWT_ISSUER"],
        "sub": str(user["id"]),
        "typ": "access",
        "staff": bool(user["is_staff"]),
        "iat": now,
        "exp": now + current_app.config["API_ACCESS_TOKEN_TTL"],
    }
    return jwt.encode(claims, _signing_key(), algorithm="HS256")


def issue_refresh_token(user):
    claims = {
        "iss": current_app.config["API_JWT_ISSUER"],
        "sub": str(user["id"]),
        "typ": "refresh",
        "jti": secrets.token_hex(16),
        "iat": _now(),
    }
    return jwt.encode(claims, _signing_key(), algorithm="HS256")


def issue_token_pair(user):
    return {
        "access_token": issue_access_token(user),
        "refresh_token": issue_refresh_token(user),
        "token_type": "Bearer",
        "expires_in": int(current_app.config["API_ACCESS_TOKEN_TTL"].total_seconds()),
    }


def decode_access_token(token):
    try:
        claims = jwt.decode(
            token,
            _signing_key(),
            algorithms=["HS256"],
            issuer=current_app.config["API_JWT_ISSUER"],
            options={"require": ["exp", "iat", "sub"]},
        )
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "access":
        raise TokenError("not an access token")
    return claims


def decode_refresh_token(token):
    try:
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, _signing_key(), algorithms=[header.get("alg", "HS256")])
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("typ") != "refresh":
        raise TokenError("not a refresh token")
    return claims
