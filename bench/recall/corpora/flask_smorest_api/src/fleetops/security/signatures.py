import hashlib
import hmac


def compute_signature(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def signature_matches(secret: str, body: bytes, supplied: str | None) -> bool:
    if not secret or not supplied:
        return False
    expected = compute_signature(secret, body)
    return hmac.compare_digest(expected, supplied.removeprefix("sha256="))
