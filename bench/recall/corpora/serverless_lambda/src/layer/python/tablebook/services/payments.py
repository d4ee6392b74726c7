"""Verification of signed webhooks from the payment provider."""
import hashlib
import hmac
import time

SIGNATURE_HEADER = "payments-signature"
TOLERANCE_SECONDS = 300


class SignatureError(Exception):
    pass


def _parse_header(header: str) -> dict:
    parts = {}
    for item in (header or "").split(","):
        key, sep, value = item.strip().partition("=")
        if sep:
            parts.setdefault(key, value)
    return parts


def verify_signature(payload: str, header: str, secret: str, now: float = None) -> None:
    parts = _parse_header(header)
    try:
        timestamp = int(parts["t"])
        signature = parts["v1"]
    except (KeyError, ValueError):
        raise SignatureError("malformed signature header")

    now = time.time() if now is None else now
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        raise SignatureError("timestamp outside tolerance")

    signed = f"{timestamp}.{payload}".encode("utf-8")
    expected = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise SignatureError("signature mismatch")
