"""Password hashing for subscriber accounts.

Subscriber logins predate the Django site: accounts came across from the
Circulation system with its PBKDF2 hashes, so we kept the same encoding
("pbkdf2_sha256$<iterations>$<salt>$<hash>") and the same parameters so the
old rows verify unchanged.
"""
import base64
import hashlib
import hmac
import secrets

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 20000


def _derive(raw, salt, iterations):
    digest = hashlib.pbkdf2_hmac("sha256", raw.encode("utf-8"), salt.encode("ascii"), iterations)
    return base64.b64encode(digest).decode("ascii").strip()


def hash_password(raw, salt=None, iterations=ITERATIONS):
    salt = salt or secrets.token_hex(16)
    return f"{ALGORITHM}${iterations}${salt}${_derive(raw, salt, iterations)}"


def check_password(raw, encoded):
    try:
        algorithm, iterations, salt, _ = encoded.split("$", 3)
        iterations = int(iterations)
    except ValueError:
        return False
    if algorithm != ALGORITHM:
        return False
    candidate = hash_password(raw, salt, iterations)
    return hmac.compare_digest(candidate.encode("ascii"), encoded.encode("ascii"))
