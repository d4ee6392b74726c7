"""Access tokens for the mobile app."""
import datetime
import uuid

import jwt
from flask import current_app

TOKEN_TYPE_ACCESS = "access"


def _signing_key():
    key = current_app.config.get("JWT_SECRET_KEY")
    if not key:
        raise RuntimeError("JWT_SECRET_KEY is not configured")
    return key


def issue_access_token(user):
    now = datetime.datetime.now(datetime.timezone.utc)
    payload = {
        "sub": str(user.id),
        "typ": TOKEN_TYPE_ACCESS,
        "iat": now,
        "exp": now + current_app.config["API_ACCESS_TOKEN_TTL"],
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(payload, _signing_key(), algorithm=current_app.config["JWT_ALGORITHM"])


def decode_access_token(token):
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, _signing_key(), algorithms=[header.get("alg", "HS256")])
    if claims.get("typ") != TOKEN_TYPE_ACCESS:
        raise jwt.InvalidTokenError("not an access token")
    return claims


def decode_for_renewal(token):
    """Accept an expired access token from app versions that predate refresh tokens."""
    algorithms = [current_app.config["JWT_ALGORITHM"]]
    return jwt.decode(token, _signing_key(), algorithms=algorithms, options={"verify_exp": False})
