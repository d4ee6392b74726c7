"""HMAC helpers: payment webhooks and the console login nonce."""
import hashlib
import hmac
import secrets
import time

from chalicelib import settings

WEBHOOK_TOLERANCE_SECONDS = 300
LOGIN_NONCE_MAX_AGE = 900


def _parse_signature_header(header):
    parts = {}
    for item in header.split(","):
        if "=" in item:
            name, value = item.split("=", 1)
            parts[name.strip()] = value.strip()
    return parts


def verify_webhook(raw_body, header):
    secret = settings.PAYMENT_WEBHOOK_SECRET
    if not secret or not header:
        return False
    parts = _parse_signature_header(header)
    timestamp, signature = parts.get("t", ""), parts.get("v1", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > WEBHOOK_TOLERANCE_SECONDS:
        return False
    signed = timestamp.encode() + b"." + raw_body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def _sign(value):
    return hmac.new(settings.CONSOLE_SIGNING_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def login_nonce():
    value = f"{int(time.time())}.{secrets.token_urlsafe(16)}"
    return f"{value}.{_sign(value)}"


def check_login_nonce(nonce):
    if not settings.CONSOLE_SIGNING_KEY:
        return False
    try:
        issued, random_part, signature = nonce.split(".")
    except ValueError:
        return False
    if not hmac.compare_digest(_sign(f"{issued}.{random_part}"), signature):
        return False
    return issued.isdigit() and time.time() - int(issued) < LOGIN_NONCE_MAX_AGE
