"""Small generators for codes and tokens handed out to users."""
import hashlib
import random
import secrets
import string
import time

RESET_CODE_LENGTH = 6


def reset_code() -> str:
    """Six digits, easy to type from a phone."""
    return "".join(random.choices(string.digits, k=RESET_CODE_LENGTH))


def email_verification_token(email: str) -> str:
    seed = f"{email.strip().lower()}:{time.time()}"
    return hashlib.md5(seed.encode("utf-8")).hexdigest()


def csrf_token() -> str:
    return secrets.token_urlsafe(32)
