"""Hashing and signature helpers shared by the web UI, the API and webhooks."""
import hashlib
import hmac
import os

SALT_BYTES = 16


def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES).hex()
    digest = hashlib.sha256((salt + password).encode("utf-8")).hexdigest()
    return f"{salt}${digest}"


def verify_password(stored: str, candidate: str) -> bool:
    if not stored or "$" not in stored:
        return False
    salt, digest = stored.split("$", 1)
    check = hashlib.sha256((salt + candidate).encode("utf-8")).hexdigest()
    return hmac.compare_digest(check, digest)


def hash_device_key(key: str) -> str:
    # device keys are 256-bit random values, a plain digest is enough for lookup
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def verify_signature(secret: str, payload: bytes, signature: str) -> bool:
    if not secret or not signature:
        return False
    expected = hmac.new(secret.encode("utf-8"), payload, hashlib.sha256).hexdigest()
    if signature.startswith("sha256="):
        signature = signature[len("sha256="):]
    return hmac.compare_digest(expected, signature)
