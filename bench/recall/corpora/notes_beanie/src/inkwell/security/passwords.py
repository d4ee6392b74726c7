"""Password hashing (passlib / bcrypt)."""
from __future__ import annotations

import secrets

from passlib.context import CryptContext

pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto", bcrypt__rounds=12)

# Used to keep the response time of a failed login roughly constant when the e-mail is unknown.
_DUMMY_HASH = pwd_context.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return pwd_context.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    if not password_hash:
        pwd_context.verify(password, _DUMMY_HASH)
        return False
    return pwd_context.verify(password, password_hash)


def needs_rehash(password_hash: str) -> bool:
    return pwd_context.needs_update(password_hash)


def password_problems(password: str, *, email: str | None = None) -> list[str]:
    problems: list[str] = []
    if len(password) < 10:
        problems.append("Use at least 10 characters.")
    if password.lower() == password or password.upper() == password:
        if not any(ch.isdigit() for ch in password):
            problems.append("Mix upper and lower case letters or add digits.")
    if email and email.split("@", 1)[0].lower() in password.lower():
        problems.append("Don't include your e-mail address.")
    return problems
