import time

_ATTEMPTS: dict[str, list[float]] = {}


def rate_limited(address, limit=5, window=60):
    """True when the address made `limit` attempts within the window."""
    now = time.monotonic()
    recent = [t for t in _ATTEMPTS.get(address, []) if now - t < window]
    _ATTEMPTS[address] = [*recent, now]
    return len(recent) >= limit
