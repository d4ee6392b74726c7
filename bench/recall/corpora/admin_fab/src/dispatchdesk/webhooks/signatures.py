"""Verification of signed carrier webhook deliveries."""
import hashlib
import hmac
import time

SIGNATURE_TOLERANCE = 300  # seconds


class SignatureError(Exception):
    pass


def parse_signature_header(header: str) -> dict:
    """Parse ``t=1700000000,v1=abcdef...`` into a dict."""
    parts = {}
    for item in (header or "").split(","):
        key, _, value = item.strip().partition("=")
        if key and value:
            parts[key] = value
    return parts


def verify_hmac_signature(body: bytes, header: str, secret: str, now=None) -> None:
    if not secret:
        raise SignatureError("no webhook secret configured for this carrier")
    parts = parse_signature_header(header)
    try:
        timestamp = int(parts["t"])
        received = parts["v1"]
    except (KeyError, ValueError):
        raise SignatureError("malformed signature header") from None

    now = int(now if now is not None else time.time())
    if abs(now - timestamp) > SIGNATURE_TOLERANCE:
        raise SignatureError("signature timestamp outside tolerance")

    signed_payload = str(timestamp).encode("ascii") + b"." + body
    expected = hmac.new(secret.encode("utf-8"), signed_payload, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, received):
        raise SignatureError("signature mismatch")
