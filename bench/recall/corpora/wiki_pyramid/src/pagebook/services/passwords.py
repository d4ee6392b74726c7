"""Password hashing for local (non-LDAP) accounts."""
import re

import bcrypt

from ..config import BCRYPT_ROUNDS, MIN_PASSWORD_LENGTH

_BCRYPT_COST_RE = re.compile(r"^\$2[aby]\$(\d{2})\$")


class PasswordPolicyError(ValueError):
    pass


def validate_password(raw, username=None):
    if len(raw) < MIN_PASSWORD_LENGTH:
        raise PasswordPolicyError(
            f"Passwords must be at least {MIN_PASSWORD_LENGTH} characters long."
        )
    if raw.isdigit():
        raise PasswordPolicyError("Passwords must not consist of digits only.")
    if username and username.lower() in raw.lower():
        raise PasswordPolicyError("Passwords must not contain your username.")


def hash_password(raw: str) -> str:
    salt = bcrypt.gensalt(rounds=BCRYPT_ROUNDS)
    return bcrypt.hashpw(raw.encode("utf-8"), salt).decode("ascii")


def verify_password(raw: str, hashed: str | None) -> bool:
    if not raw or not hashed:
        return False
    try:
        return bcrypt.checkpw(raw.encode("utf-8"), hashed.encode("ascii"))
    except ValueError:
        # malformed hash in the database
        return False


def needs_rehash(hashed: str | None) -> bool:
    """True when a stored hash was made with an older work factor."""
    match = _BCRYPT_COST_RE.match(hashed or "")
    return match is None or int(match.group(1)) < BCRYPT_ROUNDS
