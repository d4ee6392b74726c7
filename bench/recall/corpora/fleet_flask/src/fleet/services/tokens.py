"""Small helpers for the various codes and keys we hand out."""
import hashlib
import random
import secrets
import string
import time

RESET_CODE_ALPHABET = string.ascii_uppercase + string.digits
API_KEY_PREFIX = "flt_"


def new_reset_code(length=10):
    """Code e-mailed to staff for a password reset; typed in by hand."""
    return "".join(random.choices(RESET_CODE_ALPHABET, k=length))


def new_device_token(driver_id):
    """Identifies the driver's phone for push notifications and re-login."""
    seed = f"{driver_id}:{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()


def new_api_key():
    return API_KEY_PREFIX + secrets.token_urlsafe(32)


def mask(value, keep=4):
    if not value:
        return ""
    if len(value) <= keep * 2:
        return "*" * len(value)
    return f"{value[:keep]}…{value[-keep:]}"
