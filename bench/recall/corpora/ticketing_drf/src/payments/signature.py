"""Verification of Stripe's ``Stripe-Signature`` header (v1 scheme)."""
import hashlib
import hmac
import time

DEFAULT_TOLERANCE = 300


class SignatureError(Exception):
    pass


def _parse_header(header):
    timestamp, signatures = None, []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t":
            timestamp = value
        elif key == "v1":
            signatures.append(value)
    return timestamp, signatures


def verify_stripe_signature(payload, header, secret, tolerance=DEFAULT_TOLERANCE):
    timestamp, signatures = _parse_header(header or "")
    if not timestamp or not signatures:
        raise SignatureError("Malformed signature header")
    if abs(time.time() - int(timestamp)) > tolerance:
        raise SignatureError("Timestamp outside tolerance")

    signed = f"{timestamp}.".encode() + payload
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise SignatureError("No matching signature")
