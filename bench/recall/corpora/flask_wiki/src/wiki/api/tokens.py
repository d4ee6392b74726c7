"""Bearer tokens for the JSON API and read-only share links."""
import logging
import uuid
from datetime import datetime, timedelta, timezone

import jwt
from flask import current_app

log = logging.getLogger(__name__)

ACCESS_TOKEN_LIFETIME = timedelta(minutes=15)
TOKEN_ALGORITHM = "HS256"


def _signing_key():
    return current_app.config["JWT_SECRET_KEY"]


def issue_access_token(user):
    now = datetime.now(timezone.utc)
    claims = {
        "sub": str(user.id),
        "iat": now,
        "exp": now + ACCESS_TOKEN_LIFETIME,
        "jti": uuid.uuid4().hex,
        "scope": "pages:read pages:write",
    }
    token = jwt.encode(claims, _signing_key(), algorithm=TOKEN_ALGORITHM)
    log.info("issued api token jti=%s for user_id=%s", claims["jti"], user.id)
    return token


def decode_access_token(token):
    header = jwt.get_unverified_header(token)
    return jwt.decode(token, _signing_key(), algorithms=[header.get("alg", TOKEN_ALGORITHM)])


def issue_share_token(page, perm="read"):
    payload = {"page": page.id, "perm": perm, "by": page.owner_id}
    return jwt.encode(payload, _signing_key(), algorithm=TOKEN_ALGORITHM)


def read_share_token(token):
    return jwt.decode(token, _signing_key(), algorithms=[TOKEN_ALGORITHM])


def issue_export_token(user, page_ids):
    now = datetime.now(timezone.utc)
    claims = {"sub": str(user.id), "pages": page_ids, "exp": now + timedelta(hours=1)}
    return jwt.encode(claims, _signing_key(), algorithm=TOKEN_ALGORITHM)
