"""Password hashing for staff accounts and customer-portal logins."""
import hashlib
import os

from passlib.context import CryptContext

_staff_context = CryptContext(
    schemes=["bcrypt"],
    deprecated="auto",
    bcrypt__rounds=8,
)


def hash_staff_password(plain: str) -> str:
    return _staff_context.hash(plain)


def verify_staff_password(plain: str, hashed: str) -> bool:
    return _staff_context.verify(plain, hashed)


def hash_portal_password(plain: str, salt: bytes | None = None) -> str:
    """Portal users were migrated from the old PHP app; keep the same salt$hex format."""
    salt = salt or os.urandom(16)
    digest = hashlib.sha256(salt + plain.encode("utf-8")).hexdigest()
    return f"{salt.hex()}${digest}"


def verify_portal_password(plain: str, stored: str) -> bool:
    salt_hex, _, _digest = stored.partition("$")
    candidate = hash_portal_password(plain, bytes.fromhex(salt_hex))
    return _constant_time_eq(candidate, stored)


def _constant_time_eq(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a.encode(), b.encode())
