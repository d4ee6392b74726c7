"""Small rate limiting helper built on the ``limits`` package.

Usage::

    @view_config(route_name="login", decorator=rate_limited("10/minute", scope="login"))
    def login(request):
        ...

Counters live in Redis in production (``ratelimit.storage_url``) so that all
waitress workers share them.
"""
import functools
import logging
import time

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from pyramid.httpexceptions import HTTPTooManyRequests

log = logging.getLogger(__name__)


def client_ip(request):
    return request.client_addr or "unknown"


def rate_limited(limit, scope, key_func=client_ip):
    """View decorator allowing ``limit`` hits per key within ``scope``."""
    item = parse(limit)

    def decorator(view):
        @functools.wraps(view)
        def wrapper(context, request):
            limiter = request.registry.rate_limiter
            key = key_func(request)
            if not limiter.hit(item, scope, key):
                log.info("rate limit %s exceeded for %s=%s", limit, scope, key)
                reset_at, _remaining = limiter.get_window_stats(item, scope, key)
                raise HTTPTooManyRequests(
                    headers={"Retry-After": str(max(int(reset_at - time.time()), 1))}
                )
            return view(context, request)

        return wrapper

    return decorator


def includeme(config):
    settings = config.get_settings()
    storage = storage_from_string(settings.get("ratelimit.storage_url", "memory://"))
    config.registry.rate_limiter = MovingWindowRateLimiter(storage)
