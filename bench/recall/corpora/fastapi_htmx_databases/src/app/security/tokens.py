import hashlib
import secrets
import time

VERIFY_TOKEN_BYTES = 32


def new_email_verification_token() -> str:
    return secrets.token_urlsafe(VERIFY_TOKEN_BYTES)


def digest_token(token: str) -> str:
    """Tokens are stored hashed so a database leak does not leak live links."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_password_reset_token(email: str) -> str:
    seed = f"{email}:{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()


def static_asset_etag(content: bytes) -> str:
    return hashlib.md5(content, usedforsecurity=False).hexdigest()
