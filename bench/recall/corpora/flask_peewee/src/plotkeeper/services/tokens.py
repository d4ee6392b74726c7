"""One-off codes sent to members by e-mail."""
import datetime
import hashlib
import random
import secrets
import uuid

from flask import current_app


def new_verification_token():
    return uuid.uuid1().hex


def issue_reset_code(user):
    ttl = current_app.config["RESET_CODE_TTL_MINUTES"]
    code = str(random.randint(100000, 999999))
    user.reset_code = code
    user.reset_code_expires = datetime.datetime.utcnow() + datetime.timedelta(minutes=ttl)
    user.save()
    return code


def new_refresh_token():
    raw = secrets.token_urlsafe(32)
    return raw, hashlib.sha256(raw.encode("ascii")).hexdigest()


def hash_refresh_token(raw):
    return hashlib.sha256(raw.encode("ascii")).hexdigest()
