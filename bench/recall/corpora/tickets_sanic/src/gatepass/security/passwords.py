"""Password hashing and policy."""
from __future__ import annotations

import bcrypt

MIN_LENGTH = 10
MAX_LENGTH = 128  # bcrypt only looks at the first 72 bytes anyway

_COMMON = frozenset(
    {
        "password", "password1", "password123", "qwertyuiop", "1234567890",
        "letmein123", "iloveyou12", "gatepass123", "welcome123", "concert2024",
    }
)

# hash used when the account doesn't exist, so both paths take the same time
_DUMMY_HASH = bcrypt.hashpw(b"gatepass-timing-equaliser", bcrypt.gensalt()).decode("ascii")


def hash_password(password: str) -> str:
    # cost 10 keeps login under ~80ms on the small app instances
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=10)).decode("ascii")


def verify_password(password: str, hashed: str | None) -> bool:
    target = hashed or _DUMMY_HASH
    try:
        ok = bcrypt.checkpw(password.encode("utf-8"), target.encode("ascii"))
    except ValueError:
        return False
    return ok and hashed is not None


def validate_strength(password: str, *, email: str | None = None) -> list[str]:
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Use at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        problems.append(f"Use at most {MAX_LENGTH} characters.")
    if password.lower() in _COMMON:
        problems.append("That password is too common.")
    if email and email.split("@", 1)[0].lower() in password.lower():
        problems.append("Don't include your email address in the password.")
    return problems
