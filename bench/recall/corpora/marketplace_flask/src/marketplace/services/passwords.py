import hashlib
import hmac
import secrets

import bcrypt

BCRYPT_ROUNDS = 10
LEGACY_PREFIX = "sha256$"


def hash_password(raw):
    salt = bcrypt.gensalt(rounds=BCRYPT_ROUNDS)
    return bcrypt.hashpw(raw.encode("utf-8"), salt).decode("ascii")


def _salted_digest(salt, raw):
    return hashlib.sha256((salt + raw).encode("utf-8")).hexdigest()


def hash_temporary_password(raw):
    """Hash for admin-issued temporary passwords.

    Users are forced to pick a new password on first login, at which point the
    normal bcrypt hash replaces this one.
    """
    salt = secrets.token_hex(16)
    return f"{LEGACY_PREFIX}{salt}${_salted_digest(salt, raw)}"


def is_temporary(stored):
    return bool(stored) and stored.startswith(LEGACY_PREFIX)


def check_password(stored, raw):
    if not stored or raw is None:
        return False
    if is_temporary(stored):
        _, salt, digest = stored.split("$", 2)
        return hmac.compare_digest(_salted_digest(salt, raw), digest)
    try:
        return bcrypt.checkpw(raw.encode("utf-8"), stored.encode("ascii"))
    except ValueError:
        return False


def generate_temporary_password():
    return secrets.token_urlsafe(16)
