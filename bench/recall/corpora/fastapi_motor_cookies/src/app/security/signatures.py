"""Verification of signed webhook payloads."""
import hashlib
import hmac
import time

MAX_WEBHOOK_AGE_SECONDS = 300


def verify_mailgun_signature(signing_key: str, timestamp: str, token: str, signature: str) -> bool:
    """Mailgun signs ``timestamp + token`` with HMAC-SHA256 using the webhook signing key."""
    if not signing_key or not timestamp or not token or not signature:
        return False
    try:
        age = abs(time.time() - int(timestamp))
    except ValueError:
        return False
    if age > MAX_WEBHOOK_AGE_SECONDS:
        return False
    expected = hmac.new(signing_key.encode("utf-8"), f"{timestamp}{token}".encode("utf-8"), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
