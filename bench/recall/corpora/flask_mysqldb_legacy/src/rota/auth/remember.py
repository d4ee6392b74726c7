"""Long-lived "remember this device" cookie for the shared clinic PCs."""
import hashlib
import secrets

from .. import db

COOKIE_NAME = "rota_remember"
MAX_AGE = 30 * 24 * 3600


def issue(user_id):
    selector = secrets.token_urlsafe(9)
    validator = secrets.token_urlsafe(32)
    db.execute(
        "INSERT INTO remember_tokens (user_id, selector, validator_hash, expires_at) "
        "VALUES (%s, %s, %s, NOW() + INTERVAL 30 DAY)",
        (user_id, selector, hashlib.sha256(validator.encode()).hexdigest()),
    )
    return f"{selector}:{validator}"


def attach(response, value):
    response.set_cookie(COOKIE_NAME, value, max_age=MAX_AGE)
    return response


def forget(response):
    response.delete_cookie(COOKIE_NAME)
    return response
