"""Helpers for the various one-off codes the forum hands out."""
import hashlib
import random
import secrets
import string

_INVITE_ALPHABET = string.ascii_uppercase + string.digits


def new_reset_token():
    return secrets.token_urlsafe(32)


def new_refresh_id():
    return secrets.token_hex(16)


def new_invite_code(length=10):
    return "".join(random.choice(_INVITE_ALPHABET) for _ in range(length))


def new_api_key():
    """Personal API key shown once to the user; only the digest is stored."""
    raw = "fk_" + secrets.token_urlsafe(32)
    return raw, digest_api_key(raw)


def digest_api_key(raw):
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()
