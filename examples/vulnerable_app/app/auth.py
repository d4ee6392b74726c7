"""Passwords, sessions, reset tokens and API tokens, done the way the article warns against."""

from __future__ import annotations

import hashlib
import random
import string

import jwt

from app import settings


def hash_password(password: str) -> str:
    return hashlib.sha256(password.encode()).hexdigest()


def verify_password(password: str, stored: str) -> bool:
    return hash_password(password) == stored


def new_session_id(user_id: int) -> str:
    return f"{user_id}-" + "".join(random.choices(string.digits, k=6))


def new_reset_token() -> str:
    return str(random.randint(100000, 999999))


def create_access_token(user_id: int, email: str) -> str:
    return jwt.encode({"sub": str(user_id), "email": email}, settings.JWT_SECRET)


def read_access_token(token: str) -> dict:
    return jwt.decode(token, settings.JWT_SECRET, options={"verify_signature": False})
