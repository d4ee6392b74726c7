"""Credentials for restaurant staff accounts used on host-stand tablets."""
import hashlib
import hmac
import secrets


def new_salt() -> str:
    return secrets.token_hex(16)


def hash_staff_password(password: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}${password}".encode("utf-8")).hexdigest()


def check_staff_password(password: str, salt: str, expected_hash: str) -> bool:
    candidate = hash_staff_password(password, salt)
    return hmac.compare_digest(candidate, expected_hash)
