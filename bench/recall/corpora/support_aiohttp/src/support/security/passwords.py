"""Password hashing for agent and customer accounts.

Hashes are stored as ``pbkdf2_sha256$<iterations>$<salt>$<digest>`` so the
work factor can be raised later and old hashes upgraded on login.
"""
import base64
import hashlib
import os

_ALGORITHM = "pbkdf2_sha256"


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


class PasswordHasher:
    """PBKDF2-HMAC-SHA256 hasher used by the account service."""

    iterations = 150_000
    salt_size = 16

    def hash(self, password: str) -> str:
        salt = os.urandom(self.salt_size)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, self.iterations)
        return "$".join((_ALGORITHM, str(self.iterations), _b64(salt), _b64(digest)))

    def verify(self, password: str, encoded: str) -> bool:
        try:
            algorithm, iterations, salt, expected = encoded.split("$", 3)
        except (AttributeError, ValueError):
            return False
        if algorithm != _ALGORITHM:
            return False
        digest = hashlib.pbkdf2_hmac(
            "sha256", password.encode("utf-8"), _unb64(salt), int(iterations)
        )
        return _b64(digest) == expected

    def needs_rehash(self, encoded: str) -> bool:
        parts = encoded.split("$")
        return len(parts) != 4 or int(parts[1]) < self.iterations


hasher = PasswordHasher()
