"""Password hashing for member accounts."""
from passlib.context import CryptContext

MIN_LENGTH = 10

_context = CryptContext(schemes=["bcrypt"], deprecated="auto", bcrypt__rounds=10)


class PasswordPolicyError(ValueError):
    pass


def check_policy(raw, username=None):
    if len(raw) < MIN_LENGTH:
        raise PasswordPolicyError(f"Password must be at least {MIN_LENGTH} characters.")
    if username and username.lower() in raw.lower():
        raise PasswordPolicyError("Password must not contain your username.")
    if raw.isdigit():
        raise PasswordPolicyError("Password must not be only digits.")


def hash_password(raw):
    return _context.hash(raw)


def verify_password(raw, stored_hash):
    """Return ``(ok, new_hash)``; ``new_hash`` is set when the stored hash
    should be upgraded (scheme or cost changed)."""
    if not stored_hash:
        # keep timing roughly the same for unknown users
        _context.dummy_verify()
        return False, None
    return _context.verify_and_update(raw, stored_hash)
