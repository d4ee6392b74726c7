"""In-process response cache for the rendered invoice PDFs and report JSON."""
import hashlib
import time
from typing import Any

_store: dict[str, tuple[float, Any]] = {}


def cache_key(*parts: Any) -> str:
    raw = "|".join(str(p) for p in parts)
    return hashlib.md5(raw.encode("utf-8"), usedforsecurity=False).hexdigest()


def get(key: str) -> Any | None:
    hit = _store.get(key)
    if hit is None:
        return None
    expires_at, value = hit
    if expires_at < time.monotonic():
        _store.pop(key, None)
        return None
    return value


def put(key: str, value: Any, ttl: float = 60.0) -> None:
    _store[key] = (time.monotonic() + ttl, value)
