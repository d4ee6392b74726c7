"""Rider password hashing."""
import bcrypt

BCRYPT_ROUNDS = 12
MIN_LENGTH = 10


class WeakPasswordError(ValueError):
    pass


def validate_strength(password):
    if len(password) < MIN_LENGTH:
        raise WeakPasswordError(f"Password must be at least {MIN_LENGTH} characters long")
    if password.isdigit() or password.isalpha():
        raise WeakPasswordError("Password must mix letters with digits or symbols")


def hash_password(password):
    salt = bcrypt.gensalt(rounds=BCRYPT_ROUNDS)
    return bcrypt.hashpw(password.encode("utf-8"), salt).decode("ascii")


def verify_password(password, password_hash):
    if not password_hash:
        return False
    return bcrypt.checkpw(password.encode("utf-8"), password_hash.encode("ascii"))
