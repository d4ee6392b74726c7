"""Password hashing and opaque token helpers."""
from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# argon2-cffi defaults follow RFC 9106's low-memory profile.
_hasher = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)

API_KEY_PREFIX = "phk_"
LEGACY_PREFIX = "sha256$"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        # Burn roughly the same time as a real verification.
        _hasher.hash(password)
        return False
    if stored_hash.startswith(LEGACY_PREFIX):
        return _verify_legacy(stored_hash, password)
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _verify_legacy(stored_hash: str, password: str) -> bool:
    # Accounts imported from the old Rails platform. They are upgraded to
    # argon2 on the next successful login (see password_needs_rehash).
    try:
        _, salt, digest = stored_hash.split("$", 2)
    except ValueError:
        return False
    candidate = hashlib.sha256(f"{salt}:{password}".encode("utf-8")).hexdigest()
    return hmac.compare_digest(candidate, digest)


def password_needs_rehash(stored_hash: str) -> bool:
    if stored_hash.startswith(LEGACY_PREFIX):
        return True
    return _hasher.check_needs_rehash(stored_hash)


def generate_api_key() -> tuple[str, str]:
    """Return ``(plaintext, lookup_hash)`` for a new API key.

    Only the hash is stored; the plaintext is shown to the user once.
    """
    plaintext = API_KEY_PREFIX + secrets.token_urlsafe(32)
    return plaintext, hash_api_key(plaintext)


def hash_api_key(api_key: str) -> str:
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()


def generate_reset_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, hashlib.sha256(token.encode()).hexdigest()


def constant_time_equals(a: str | bytes, b: str | bytes) -> bool:
    if isinstance(a, str):
        a = a.encode()
    if isinstance(b, str):
        b = b.encode()
    return hmac.compare_digest(a, b)
