import hashlib
import hmac

import bcrypt

BCRYPT_ROUNDS = 12


def hash_password(raw: str) -> str:
    salt = bcrypt.gensalt(rounds=BCRYPT_ROUNDS)
    return bcrypt.hashpw(raw.encode("utf-8"), salt).decode("ascii")


def verify_password(raw: str, hashed: str | None) -> bool:
    if not hashed:
        return False
    return bcrypt.checkpw(raw.encode("utf-8"), hashed.encode("ascii"))


def hash_kiosk_pin(pin: str) -> str:
    """Digest stored for the four-digit PIN technicians type on the shop-floor kiosk."""
    return hashlib.sha256(pin.strip().encode("utf-8")).hexdigest()


def verify_kiosk_pin(pin: str, stored_digest: str | None) -> bool:
    if not stored_digest:
        return False
    return hmac.compare_digest(hash_kiosk_pin(pin), stored_digest)
