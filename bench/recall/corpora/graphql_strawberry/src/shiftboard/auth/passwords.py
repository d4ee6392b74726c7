"""Password hashing and policy."""
from __future__ import annotations

from passlib.context import CryptContext

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256

pwd_context = CryptContext(
    schemes=["bcrypt"],
    deprecated="auto",
    bcrypt__rounds=10,
)


class WeakPasswordError(ValueError):
    pass


def hash_password(raw: str) -> str:
    return pwd_context.hash(raw)


def verify_password(raw: str, hashed: str | None) -> tuple[bool, str | None]:
    """Return ``(ok, new_hash)``; ``new_hash`` is set when the stored hash needs upgrading."""
    if not hashed:
        # keep timing similar whether or not the account has a password
        pwd_context.dummy_verify()
        return False, None
    return pwd_context.verify_and_update(raw, hashed)


def validate_password_strength(raw: str, email: str | None = None) -> None:
    if len(raw) < MIN_PASSWORD_LENGTH:
        raise WeakPasswordError(f"Password must be at least {MIN_PASSWORD_LENGTH} characters.")
    if len(raw) > MAX_PASSWORD_LENGTH:
        raise WeakPasswordError("Password is too long.")
    if raw.isdigit() or raw.isalpha():
        raise WeakPasswordError("Use a mix of letters and numbers or symbols.")
    if email and email.split("@", 1)[0].lower() in raw.lower():
        raise WeakPasswordError("Password must not contain your e-mail address.")
