"""JWTs for the API and for signed export download links."""
import logging
from datetime import datetime, timezone

import jwt
from flask import current_app

from ..extensions import db
from ..models import User

logger = logging.getLogger(__name__)

ALGORITHM = "HS256"


class TokenError(Exception):
    pass


def _signing_key():
    key = current_app.config.get("JWT_SECRET")
    if not key:
        raise RuntimeError("CRM_JWT_SECRET is not configured")
    return key


def issue_api_token(user):
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(user.id),
        "iat": now,
        "exp": now + current_app.config["API_TOKEN_TTL"],
        "scope": "api",
        "admin": bool(user.is_admin),
    }
    return jwt.encode(payload, _signing_key(), algorithm=ALGORITHM)


def decode_api_token(token):
    try:
        claims = jwt.decode(token, _signing_key(), algorithms=[ALGORITHM])
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("scope") != "api":
        raise TokenError("wrong scope")
    return claims


def refresh_api_token(token):
    """Swap a (possibly expired) API token for a fresh one."""
    try:
        claims = jwt.decode(token, _signing_key(), algorithms=[ALGORITHM], options={"verify_exp": False})
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    user = db.session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise TokenError("unknown user")
    return issue_api_token(user)


def issue_export_link(user_id, filename):
    claims = {"sub": str(user_id), "file": filename}
    claims["purpose"] = "export-download"
    claims["iat"] = datetime.now(timezone.utc)
    return jwt.encode(claims, _signing_key(), algorithm=ALGORITHM)


def read_export_link(token):
    try:
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, _signing_key(), algorithms=[header.get("alg", ALGORITHM)])
    except jwt.PyJWTError as exc:
        raise TokenError(str(exc)) from exc
    if claims.get("purpose") != "export-download":
        raise TokenError("not an export link")
    return claims
