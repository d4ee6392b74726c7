"""API key format: ``dp_live_<lookup>_<secret>``.

The lookup part is stored in clear (it is what the dashboard shows) so that a
presented key can be found with an indexed query; only a digest of the whole
key is stored.
"""

import hashlib
import secrets
from dataclasses import dataclass

API_KEY_HEADER = "X-API-Key"
KEY_PREFIX = "dp_live_"


@dataclass(frozen=True, slots=True)
class GeneratedKey:
    raw: str
    prefix: str
    key_hash: str


def hash_api_key(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def generate_api_key() -> GeneratedKey:
    lookup = secrets.token_hex(4)
    secret = secrets.token_hex(24)
    raw = f"{KEY_PREFIX}{lookup}_{secret}"
    return GeneratedKey(raw=raw, prefix=f"{KEY_PREFIX}{lookup}", key_hash=hash_api_key(raw))


def split_prefix(raw_key: str) -> str | None:
    """Return the stored lookup prefix of a presented key, or None if it is malformed."""
    if not raw_key.startswith(KEY_PREFIX):
        return None
    prefix, sep, secret = raw_key.rpartition("_")
    if not sep or not secret or prefix == KEY_PREFIX.rstrip("_"):
        return None
    return prefix
