"""Password hashing for staff accounts.

Format: ``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>`` so the iteration
count can be raised later without invalidating existing hashes.
"""
from __future__ import annotations

import hashlib
import hmac
import os

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000
SALT_BYTES = 16


def hash_password(password: str, *, iterations: int = ITERATIONS) -> str:
    salt = os.urandom(SALT_BYTES)
    derived = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${derived.hex()}"


def verify_password(password: str, encoded: str) -> bool:
    try:
        algorithm, iterations, salt_hex, hash_hex = encoded.split("$", 3)
    except ValueError:
        return False
    if algorithm != ALGORITHM:
        return False
    candidate = hashlib.pbkdf2_hmac(
        "sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations)
    )
    return hmac.compare_digest(candidate.hex(), hash_hex)


def needs_rehash(encoded: str) -> bool:
    try:
        _, iterations, _, _ = encoded.split("$", 3)
    except ValueError:
        return True
    return int(iterations) < ITERATIONS
