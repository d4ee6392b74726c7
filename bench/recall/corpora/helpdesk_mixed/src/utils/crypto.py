"""Hashing and token helpers shared by the web app and the scripts."""
import hashlib
import hmac
import os
import random
import string
import time

import jwt

import settings

RESET_ALPHABET = string.ascii_uppercase + string.digits
SERVICE_TOKEN_ISSUER = "helpdesk"


class PasswordHasher:
    """PBKDF2 password hashes in a Django-like ``algo$iterations$salt$hash`` format."""

    algorithm = "sha256"
    iterations = 60_000
    salt_bytes = 16

    def hash(self, password):
        salt = os.urandom(self.salt_bytes)
        digest = hashlib.pbkdf2_hmac(self.algorithm, password.encode("utf-8"), salt, self.iterations)
        return f"pbkdf2_{self.algorithm}${self.iterations}${salt.hex()}${digest.hex()}"

    def verify(self, password, encoded):
        try:
            scheme, iterations, salt_hex, digest_hex = encoded.split("$")
        except (AttributeError, ValueError):
            return False
        if not scheme.startswith("pbkdf2_"):
            return False
        candidate = hashlib.pbkdf2_hmac(
            scheme[len("pbkdf2_"):],
            password.encode("utf-8"),
            bytes.fromhex(salt_hex),
            int(iterations),
        )
        return hmac.compare_digest(candidate.hex(), digest_hex)

    def needs_rehash(self, encoded):
        try:
            _, iterations, _, _ = encoded.split("$")
        except ValueError:
            return True
        return int(iterations) < self.iterations


def _random_string(length, alphabet=RESET_ALPHABET):
    return "".join(random.choice(alphabet) for _ in range(length))


def make_reset_code():
    """Code that goes into the password reset link."""
    return _random_string(10)


def sha256_hex(value):
    if isinstance(value, str):
        value = value.encode("utf-8")
    return hashlib.sha256(value).hexdigest()


def sign_payload(body, secret):
    if isinstance(secret, str):
        secret = secret.encode("utf-8")
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify_webhook_signature(body, header_value, secret):
    """Check the ``X-Relay-Signature: sha256=<hex>`` header sent by the mail relay."""
    if not header_value or not header_value.startswith("sha256="):
        return False
    expected = sign_payload(body, secret)
    return hmac.compare_digest(expected, header_value[len("sha256="):])


def make_service_token(subject, scope="attachments"):
    """Bearer token the web app sends to the attachments service."""
    payload = {
        "sub": str(subject),
        "scope": scope,
        "iss": SERVICE_TOKEN_ISSUER,
        "iat": int(time.time()),
    }
    return jwt.encode(payload, settings.SERVICE_JWT_SECRET, algorithm="HS256")
