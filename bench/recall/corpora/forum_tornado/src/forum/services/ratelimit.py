"""Small fixed-window rate limiter.

Uses Redis when ``--redis_url`` is set so the limits are shared between
processes, otherwise falls back to an in-process dict (fine for dev).
"""
import functools
import logging
import time

log = logging.getLogger("forum.ratelimit")


class _MemoryBackend:
    def __init__(self):
        self._buckets = {}

    async def hit(self, key, period):
        now = int(time.time())
        window = now - now % period
        count, start = self._buckets.get(key, (0, window))
        if start != window:
            count, start = 0, window
        count += 1
        self._buckets[key] = (count, start)
        return count


class _RedisBackend:
    def __init__(self, client):
        self._client = client

    async def hit(self, key, period):
        window = int(time.time()) // period
        rkey = f"rl:{key}:{window}"
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.incr(rkey)
            pipe.expire(rkey, period)
            count, _ = await pipe.execute()
        return count


_backend = _MemoryBackend()


async def configure(redis_url):
    global _backend
    if not redis_url:
        log.warning("rate limiter using in-memory backend")
        return
    import redis.asyncio as redis

    _backend = _RedisBackend(redis.from_url(redis_url))


async def allow(key, limit, period):
    return await _backend.hit(key, period) <= limit


def client_ip(handler):
    return handler.request.remote_ip


def rate_limited(bucket, limit, period, key=client_ip):
    """Decorator for RequestHandler methods.  Replies 429 once ``limit``
    requests were made from the same key within ``period`` seconds."""

    def decorator(method):
        @functools.wraps(method)
        async def wrapper(self, *args, **kwargs):
            ident = key(self)
            if not await allow(f"{bucket}:{ident}", limit, period):
                log.info("rate limit hit bucket=%s ip=%s", bucket, self.request.remote_ip)
                self.set_status(429)
                self.set_header("Retry-After", str(period))
                if self.request.headers.get("Accept", "").startswith("application/json"):
                    self.finish({"error": "too_many_requests"})
                else:
                    self.finish("Too many attempts, please wait a few minutes and try again.")
                return None
            return await method(self, *args, **kwargs)

        return wrapper

    return decorator
