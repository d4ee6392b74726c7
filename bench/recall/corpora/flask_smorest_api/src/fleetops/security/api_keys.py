import hashlib
import secrets
import uuid

CLIENT_ID_PREFIX = "foc_"


def generate_client_id() -> str:
    return CLIENT_ID_PREFIX + secrets.token_hex(8)


def generate_client_secret() -> str:
    return uuid.uuid1().hex


def digest_client_secret(secret: str) -> str:
    # Client secrets are random machine credentials, so a plain digest is enough
    # to look them up without storing the value itself.
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def mask_secret(value: str, visible: int = 4) -> str:
    if len(value) <= visible * 2:
        return "*" * len(value)
    return f"{value[:visible]}…{value[-visible:]}"
