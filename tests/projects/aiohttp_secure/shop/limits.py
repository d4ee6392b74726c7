import time

from aiohttp import web

_WINDOW = 60
_ALLOWED = 10
_seen: dict[str, list[float]] = {}


@web.middleware
async def rate_limit(request, handler):
    """At most ten requests a minute from one address."""
    now = time.monotonic()
    recent = [t for t in _seen.get(request.remote, []) if now - t < _WINDOW]
    if len(recent) >= _ALLOWED:
        raise web.HTTPTooManyRequests()
    _seen[request.remote] = [*recent, now]
    return await handler(request)
