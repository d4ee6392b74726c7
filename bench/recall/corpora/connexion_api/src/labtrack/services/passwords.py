"""Password and kiosk PIN hashing."""
from __future__ import annotations

import hashlib
import hmac

import bcrypt

MIN_PASSWORD_LENGTH = 12


class WeakPasswordError(ValueError):
    pass


def check_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPasswordError(f"Password must be at least {MIN_PASSWORD_LENGTH} characters.")
    if password.lower() == password or password.upper() == password:
        raise WeakPasswordError("Password must mix upper and lower case letters.")


def hash_password(password: str) -> str:
    salt = bcrypt.gensalt(rounds=10)
    return bcrypt.hashpw(password.encode("utf-8"), salt).decode("ascii")


def verify_password(password: str, password_hash: str | None) -> bool:
    if not password_hash:
        return False
    try:
        return bcrypt.checkpw(password.encode("utf-8"), password_hash.encode("ascii"))
    except ValueError:
        return False


def hash_pin(pin: str) -> str:
    """Kiosk PINs are checked on every scan, so they use a cheap hash."""
    return hashlib.sha256(pin.encode("utf-8")).hexdigest()


def verify_pin(pin: str, pin_hash: str | None) -> bool:
    if not pin_hash:
        return False
    return hmac.compare_digest(hash_pin(pin), pin_hash)
