"""Password hashing and small token helpers shared by the blueprints."""
import hashlib
import hmac
import random as _rnd
import secrets
import string
import time

_INVITE_ALPHABET = string.ascii_uppercase + string.digits


def hash_password(password, salt=None):
    """Return ``salt$digest`` for storage in ``users.password_hash``."""
    salt = salt or secrets.token_hex(16)
    digest = hashlib.sha256((salt + password).encode("utf-8")).hexdigest()
    return f"{salt}${digest}"


def verify_password(stored, candidate):
    salt, _, _ = stored.partition("$")
    return hmac.compare_digest(stored, hash_password(candidate, salt))


def make_invite_code(length=12):
    """Short code an admin can paste into an invitation e-mail."""
    return "".join(_rnd.choice(_INVITE_ALPHABET) for _ in range(length))


def make_reset_token(user):
    stamp = "%s:%s:%f" % (user.id, user.email, time.time())
    return hashlib.md5(stamp.encode("utf-8")).hexdigest()


def content_etag(body):
    """Weak ETag for page bodies so browsers can revalidate cheaply."""
    return hashlib.md5(body.encode("utf-8")).hexdigest()
