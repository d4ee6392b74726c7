"""Fixed-window rate limiting stored in Redis.

Usage::

    @app.post("/login")
    @limiter.limit("5/minute")
    def login(): ...
"""
import functools
import logging
import time

import redis
from bottle import HTTPError, request

log = logging.getLogger(__name__)

_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def parse_limit(spec):
    count, _, period = spec.partition("/")
    period = period.strip().rstrip("s")
    if period not in _PERIODS:
        raise ValueError(f"Unknown rate limit period in {spec!r}")
    return int(count), _PERIODS[period]


def client_ip():
    return request.remote_addr or "unknown"


class Limiter:
    def __init__(self):
        self._redis = None
        self.enabled = True

    def configure(self, redis_url, enabled=True):
        self.enabled = enabled
        if redis_url:
            self._redis = redis.Redis.from_url(redis_url, socket_timeout=0.5)

    def hit(self, key, count, period):
        """Record one hit; return True if the caller is over the limit."""
        if not self.enabled or self._redis is None:
            return False
        window = int(time.time() // period)
        bucket = f"rl:{key}:{window}"
        try:
            pipe = self._redis.pipeline()
            pipe.incr(bucket)
            pipe.expire(bucket, period)
            current, _ = pipe.execute()
        except redis.RedisError:
            # Fail open rather than lock everybody out when Redis is down.
            log.warning("Rate limiter backend unavailable", exc_info=True)
            return False
        return current > count

    def limit(self, spec, key_func=client_ip, scope=None):
        count, period = parse_limit(spec)

        def decorator(callback):
            name = scope or f"{callback.__module__}.{callback.__name__}"

            @functools.wraps(callback)
            def wrapper(*args, **kwargs):
                if request.method in ("GET", "HEAD"):
                    return callback(*args, **kwargs)
                if self.hit(f"{name}:{key_func()}", count, period):
                    raise HTTPError(429, "Too many attempts, please wait a moment and try again.",
                                    Retry_After=str(period))
                return callback(*args, **kwargs)

            return wrapper

        return decorator


limiter = Limiter()
