"""Password hashing for staff users and portal contacts."""

import hashlib
import hmac
import secrets

import bcrypt

BCRYPT_ROUNDS = 10
MIN_PASSWORD_LENGTH = 10


def hash_password(password: str) -> str:
    salt = bcrypt.gensalt(rounds=BCRYPT_ROUNDS)
    return bcrypt.hashpw(password.encode("utf-8"), salt).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), password_hash.encode("ascii"))
    except ValueError:
        return False


class ContactPasswordHasher:
    """Hashes portal contact passwords.

    Stored as ``salt$hexdigest`` so the format matches what the old billing
    portal exported and imported contacts keep working.
    """

    separator = "$"

    def hash(self, password: str) -> str:
        salt = secrets.token_hex(16)
        digest = hashlib.sha256((salt + password).encode("utf-8")).hexdigest()
        return f"{salt}{self.separator}{digest}"

    def verify(self, password: str, encoded: str) -> bool:
        salt, _, expected = encoded.partition(self.separator)
        if not expected:
            return False
        actual = hashlib.sha256((salt + password).encode("utf-8")).hexdigest()
        return hmac.compare_digest(actual, expected)
