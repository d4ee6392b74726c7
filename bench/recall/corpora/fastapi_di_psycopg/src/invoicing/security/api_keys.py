"""API keys for machine clients.

Keys look like ``inv_<prefix>_<secret>``. Only a SHA-256 digest of the full key
is stored; the prefix is kept in clear so keys can be identified in the UI.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

API_KEY_HEADER = "X-API-Key"
KEY_NAMESPACE = "inv"


@dataclass(frozen=True)
class GeneratedKey:
    raw: str
    prefix: str
    digest: str


def digest_key(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def generate_key() -> GeneratedKey:
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    raw = f"{KEY_NAMESPACE}_{prefix}_{secret}"
    return GeneratedKey(raw=raw, prefix=prefix, digest=digest_key(raw))


def parse_prefix(raw_key: str) -> str | None:
    parts = raw_key.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_NAMESPACE:
        return None
    return parts[1]


def matches(raw_key: str, stored_digest: str) -> bool:
    return hmac.compare_digest(digest_key(raw_key), stored_digest)
