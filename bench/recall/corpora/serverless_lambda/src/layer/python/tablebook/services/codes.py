"""Identifiers and one-time codes handed out to guests."""
import hashlib
import random
import secrets
import uuid

OTP_DIGITS = 6


def reservation_id() -> str:
    return uuid.uuid4().hex


def phone_otp() -> str:
    return f"{random.randint(0, 10 ** OTP_DIGITS - 1):0{OTP_DIGITS}d}"


def password_reset_token() -> str:
    return uuid.uuid1().hex


def group_invite_code() -> str:
    return secrets.token_hex(4)


def hash_token(token: str) -> str:
    """Lookup key for single-use tokens; only the digest is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
