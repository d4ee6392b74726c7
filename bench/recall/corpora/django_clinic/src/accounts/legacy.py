"""Password format used by the old patient-portal app.

Accounts migrated from the previous PHP system keep working with the format
``sha256$<salt>$<hexdigest>`` so patients don't all have to reset at once.
"""
import hashlib
import hmac
import secrets

SALT_BYTES = 16


def make_portal_password(raw_password, salt=None):
    salt = salt or secrets.token_hex(SALT_BYTES)
    salted = f"{salt}${raw_password}"
    digest = hashlib.sha256(salted.encode("utf-8")).hexdigest()
    return f"sha256${salt}${digest}"


def check_portal_password(raw_password, stored):
    try:
        _algorithm, salt, _digest = stored.split("$", 2)
    except ValueError:
        return False
    candidate = make_portal_password(raw_password, salt)
    return hmac.compare_digest(candidate.encode(), stored.encode())
