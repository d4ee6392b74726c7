"""Passwords (Argon2id), sessions and reset tokens (`secrets`), API tokens (PyJWT, HS256, 15 minutes)."""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import datetime, timedelta, timezone

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from app import db
from app.settings import settings

SESSION_SECONDS = 8 * 3600
RESET_SECONDS = 30 * 60
JWT_ALGORITHM = "HS256"

hasher = PasswordHasher()
# Checked when the e-mail is unknown, so a failed login takes as long either way.
_UNKNOWN_USER_HASH = hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return hasher.hash(password)


def authenticate(email: str, password: str):
    """The user row if the password is right, else None."""
    user = db.find_user(email)
    try:
        hasher.verify(user["password_hash"] if user else _UNKNOWN_USER_HASH, password)
    except (VerifyMismatchError, InvalidHashError):
        return None
    if user is None:
        return None
    if hasher.check_needs_rehash(user["password_hash"]):
        db.set_password_hash(user["id"], hasher.hash(password))
    return user


def start_session(user_id: int) -> str:
    session_id = secrets.token_urlsafe(32)
    db.create_session(session_id, user_id, int(time.time()) + SESSION_SECONDS)
    return session_id


def session_user(session_id: str):
    return db.session_user(session_id, int(time.time()))


def _token_digest(token: str) -> str:
    # Reset tokens are 256 random bits: a plain digest is enough to keep them unusable if the table leaks.
    return hashlib.sha256(token.encode()).hexdigest()


def create_reset_token(user_id: int) -> str:
    token = secrets.token_urlsafe(32)
    db.store_reset_token(_token_digest(token), user_id, int(time.time()) + RESET_SECONDS)
    return token


def consume_reset_token(token: str) -> int | None:
    return db.use_reset_token(_token_digest(token), int(time.time()))


def create_access_token(user_id: int) -> str:
    now = datetime.now(timezone.utc)
    payload = {"sub": str(user_id), "iat": now, "exp": now + timedelta(minutes=settings.access_token_minutes)}
    return jwt.encode(payload, settings.signing_key, algorithm=JWT_ALGORITHM)


def read_access_token(token: str) -> dict:
    """The verified claims; raises `jwt.InvalidTokenError` for a bad, tampered or expired token."""
    return jwt.decode(token, settings.signing_key, algorithms=[JWT_ALGORITHM], options={"require": ["exp", "sub"]})
