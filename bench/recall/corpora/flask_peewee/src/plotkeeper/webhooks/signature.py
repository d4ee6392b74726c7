import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Payment-Signature"
TOLERANCE_SECONDS = 300


def verify_signature(secret, payload, header_value, now=None):
    """Check a ``t=<unix>,v1=<hex>`` signature header from the payment provider."""
    if not secret or not header_value:
        return False
    parts = dict(item.split("=", 1) for item in header_value.split(",") if "=" in item)
    try:
        timestamp = int(parts["t"])
        signature = parts["v1"]
    except (KeyError, ValueError):
        return False
    now = now or int(time.time())
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        return False
    signed = f"{timestamp}.".encode() + payload
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
