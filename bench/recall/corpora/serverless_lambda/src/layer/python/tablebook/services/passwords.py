"""Password hashing for guest accounts."""
import os

import bcrypt

BCRYPT_ROUNDS = int(os.environ.get("BCRYPT_ROUNDS", "12"))
MIN_PASSWORD_LENGTH = 10


def hash_password(raw: str) -> str:
    return bcrypt.hashpw(raw.encode("utf-8"), bcrypt.gensalt(rounds=BCRYPT_ROUNDS)).decode("ascii")


def verify_password(raw: str, hashed: str) -> bool:
    if not raw or not hashed:
        return False
    return bcrypt.checkpw(raw.encode("utf-8"), hashed.encode("ascii"))


def validate_password(raw: str) -> list:
    problems = []
    if len(raw or "") < MIN_PASSWORD_LENGTH:
        problems.append(f"must be at least {MIN_PASSWORD_LENGTH} characters")
    if raw and raw.lower() == raw and raw.isalpha():
        problems.append("must not be a single lowercase word")
    return problems
