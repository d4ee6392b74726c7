"""Password hashing, API access tokens and the remember-me cookie."""
import datetime as dt
import hashlib
import hmac

import bcrypt
import jwt
from bottle import request, response

from . import settings
from .models import Customer

BCRYPT_ROUNDS = 12

# Checked against when the e-mail address is unknown so that a failed login
# takes roughly the same time whether or not the account exists.
_DUMMY_HASH = bcrypt.hashpw(b"inkhouse-timing-guard", bcrypt.gensalt(rounds=BCRYPT_ROUNDS))


def hash_password(raw_password):
    return bcrypt.hashpw(raw_password.encode("utf-8"), bcrypt.gensalt(rounds=BCRYPT_ROUNDS)).decode("ascii")


def verify_password(raw_password, password_hash):
    if not password_hash:
        bcrypt.checkpw(raw_password.encode("utf-8"), _DUMMY_HASH)
        return False
    return bcrypt.checkpw(raw_password.encode("utf-8"), password_hash.encode("ascii"))


def needs_rehash(password_hash):
    try:
        rounds = int(password_hash.split("$")[2])
    except (IndexError, ValueError):
        return True
    return rounds < BCRYPT_ROUNDS


def password_problems(raw_password, email=""):
    problems = []
    if len(raw_password) < 10:
        problems.append("Use at least 10 characters.")
    if email and raw_password.lower() == email.lower():
        problems.append("Your password can't be your e-mail address.")
    return problems


# ---------------------------------------------------------------------------
# API access tokens (mobile app and partner integrations)
# ---------------------------------------------------------------------------

def issue_access_token(customer, scope="orders:read cart"):
    now = dt.datetime.now(dt.timezone.utc)
    payload = {
        "sub": str(customer.id),
        "scope": scope,
        "iat": now,
        "exp": now + settings.ACCESS_TOKEN_TTL,
    }
    return jwt.encode(payload, settings.JWT_SECRET, algorithm=settings.JWT_ALGORITHM)


# ---------------------------------------------------------------------------
# Remember-me cookie
# ---------------------------------------------------------------------------

REMEMBER_COOKIE = "ink_remember"
REMEMBER_MAX_AGE = 60 * 60 * 24 * 30


def _fingerprint(customer, secret):
    # Derived from the stored hash so that changing the password logs out
    # every remembered browser.
    return hmac.new(secret.encode("utf-8"), customer.password_hash.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def set_remember_cookie(customer, secret):
    value = (customer.id, _fingerprint(customer, secret))
    response.set_cookie(REMEMBER_COOKIE, value, secret=secret, max_age=REMEMBER_MAX_AGE, path="/")


def read_remember_cookie(secret):
    value = request.get_cookie(REMEMBER_COOKIE, secret=secret)
    if not value:
        return None
    try:
        customer_id, fingerprint = value
    except (TypeError, ValueError):
        return None
    customer = Customer.get_or_none((Customer.id == customer_id) & (Customer.is_active == True))  # noqa: E712
    if customer and hmac.compare_digest(_fingerprint(customer, secret), fingerprint):
        return customer
    return None


def clear_remember_cookie():
    response.delete_cookie(REMEMBER_COOKIE, path="/")
