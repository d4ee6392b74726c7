"""Password hashing for staff and owner accounts (bcrypt)."""
import re

import bcrypt

BCRYPT_ROUNDS = 12
# bcrypt silently ignores everything after 72 bytes; refuse instead.
_MAX_PASSWORD_BYTES = 72
_COMMON = {"password", "password1", "123456789", "qwertyuiop", "pawprint123", "letmein123"}


def _encode(password: str) -> bytes:
    data = password.encode("utf-8")
    if len(data) > _MAX_PASSWORD_BYTES:
        raise ValueError("Password is too long")
    return data


def hash_password(password: str) -> str:
    return bcrypt.hashpw(_encode(password), bcrypt.gensalt(rounds=BCRYPT_ROUNDS)).decode("ascii")


def verify_password(password: str, hashed: str) -> bool:
    if not password or not hashed:
        return False
    try:
        return bcrypt.checkpw(password.encode("utf-8"), hashed.encode("ascii"))
    except ValueError:
        # malformed hash in the database
        return False


def needs_rehash(hashed: str) -> bool:
    try:
        rounds = int(hashed.split("$")[2])
    except (IndexError, ValueError):
        return True
    return rounds < BCRYPT_ROUNDS


def password_problems(password: str) -> list[str]:
    """Human readable reasons a new password is rejected (empty list = ok)."""
    problems = []
    if len(password) < 10:
        problems.append("Use at least 10 characters.")
    if len(password.encode("utf-8")) > _MAX_PASSWORD_BYTES:
        problems.append("Use at most 72 bytes.")
    if password.lower() in _COMMON:
        problems.append("This password is too common.")
    if not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        problems.append("Mix letters and digits.")
    return problems
