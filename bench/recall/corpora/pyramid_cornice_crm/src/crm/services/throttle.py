"""Fixed-window rate limiting backed by Redis.

``throttle`` is meant for Pyramid's ``view_config(decorator=...)`` and
``throttle_validator`` for Cornice service definitions.
"""
import functools
import time

import redis
from pyramid.httpexceptions import HTTPTooManyRequests


class FixedWindowLimiter:
    def __init__(self, client, prefix="crm:rl"):
        self.client = client
        self.prefix = prefix

    def hit(self, scope, key, limit, window):
        now = time.time()
        bucket = int(now // window)
        name = f"{self.prefix}:{scope}:{key}:{bucket}"
        pipe = self.client.pipeline()
        pipe.incr(name)
        pipe.expire(name, window)
        count, _ = pipe.execute()
        retry_after = int(window - (now % window)) + 1
        return count <= limit, retry_after


def client_key(request):
    return request.client_addr or "unknown"


def throttle(scope, limit, window, key=client_key):
    def decorator(view):
        @functools.wraps(view)
        def wrapped(context, request):
            limiter = request.registry.rate_limiter
            allowed, retry_after = limiter.hit(scope, key(request), limit, window)
            if not allowed:
                raise HTTPTooManyRequests(headers={"Retry-After": str(retry_after)})
            return view(context, request)

        return wrapped

    return decorator


def throttle_validator(scope, limit, window, key=client_key):
    def validator(request, **kwargs):
        limiter = request.registry.rate_limiter
        allowed, retry_after = limiter.hit(scope, key(request), limit, window)
        if not allowed:
            request.response.headers["Retry-After"] = str(retry_after)
            request.errors.add("header", "rate_limit", "Too many requests, slow down.")
            request.errors.status = 429

    return validator


def includeme(config):
    settings = config.get_settings()
    limiter = settings.get("crm.rate_limiter")
    if limiter is None:
        limiter = FixedWindowLimiter(redis.Redis.from_url(settings["crm.redis_url"]))
    config.registry.rate_limiter = limiter
