import hashlib
import hmac
import secrets
from datetime import datetime, timezone

import jwt
from flask import current_app

from ..extensions import db
from ..models import RefreshToken, User

ALGORITHM = "HS256"


def _signing_key():
    key = current_app.config.get("JWT_SECRET_KEY")
    if not key:
        raise RuntimeError("JWT_SECRET_KEY is not configured")
    return key


def issue_access_token(user, scope="mobile"):
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(user.id),
        "iat": now,
        "exp": now + current_app.config["JWT_ACCESS_TOKEN_EXPIRES"],
        "scope": scope,
        "pwd": user.password_hash,
    }
    return jwt.encode(payload, _signing_key(), algorithm=ALGORITHM)


def decode_access_token(token):
    claims = jwt.decode(
        token,
        _signing_key(),
        algorithms=[ALGORITHM],
        options={"require": ["exp", "sub", "iat"]},
    )
    user = db.session.get(User, int(claims["sub"]))
    if user is None or user.is_banned:
        raise jwt.InvalidTokenError("unknown user")
    # a password change invalidates every token issued before it
    if not hmac.compare_digest(claims.get("pwd", ""), user.password_hash):
        raise jwt.InvalidTokenError("stale token")
    return user, claims


def _hash_refresh(raw):
    return hashlib.sha256(raw.encode("ascii")).hexdigest()


def issue_refresh_token(user):
    raw = secrets.token_urlsafe(48)
    expires = datetime.now(timezone.utc) + current_app.config["JWT_REFRESH_TOKEN_EXPIRES"]
    db.session.add(RefreshToken(user_id=user.id, token_hash=_hash_refresh(raw), expires_at=expires))
    db.session.commit()
    return raw


def rotate_refresh_token(raw):
    record = db.session.query(RefreshToken).filter_by(token_hash=_hash_refresh(raw)).one_or_none()
    if record is None or record.revoked:
        return None, None
    expires_at = record.expires_at
    if expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=timezone.utc)
    if expires_at < datetime.now(timezone.utc):
        return None, None
    record.revoked = True
    db.session.commit()
    return record.user, issue_refresh_token(record.user)


def token_pair(user):
    return {
        "access_token": issue_access_token(user),
        "refresh_token": issue_refresh_token(user),
        "token_type": "Bearer",
        "expires_in": int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds()),
    }
