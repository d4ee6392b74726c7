"""Tiny sliding-window rate limiter for the handful of sensitive endpoints.

Counters live in process memory; every worker enforces its own window, which
is good enough behind a sticky load balancer.
"""
import functools
import time
from collections import defaultdict, deque

from aiohttp import web


class SlidingWindow:
    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque] = defaultdict(deque)

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        hits = self._hits[key]
        while hits and now - hits[0] > self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(now)
        return True

    def retry_after(self, key: str) -> int:
        hits = self._hits.get(key)
        if not hits:
            return 0
        return max(1, int(self.window - (time.monotonic() - hits[0])))


def client_ip(request: web.Request) -> str:
    forwarded = request.headers.get("X-Forwarded-For")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.remote or "unknown"


def _request_from(args) -> web.Request:
    first = args[0]
    return first if isinstance(first, web.Request) else first.request


def throttle(scope: str, limit: int, per: float):
    """Decorate a handler (function or ``web.View`` method) with a limit."""
    window = SlidingWindow(limit, per)

    def decorator(handler):
        @functools.wraps(handler)
        async def wrapper(*args):
            request = _request_from(args)
            key = f"{scope}:{client_ip(request)}"
            if not window.allow(key):
                raise web.HTTPTooManyRequests(
                    headers={"Retry-After": str(window.retry_after(key))},
                    text="Too many attempts, slow down.",
                )
            return await handler(*args)

        return wrapper

    return decorator
