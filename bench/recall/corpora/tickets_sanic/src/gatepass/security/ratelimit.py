"""Fixed-window rate limiting backed by Redis.

    @bp.post("/login")
    @rate_limit("login", limit=5, window=60)
    async def login(request): ...

Works on plain handlers and on HTTPMethodView methods.
"""
from __future__ import annotations

import logging
import time
from functools import wraps
from typing import Callable

from sanic import Request
from sanic.exceptions import SanicException

from gatepass.security import client_ip, request_from_args

logger = logging.getLogger(__name__)

KeyFunc = Callable[[Request], str]


class RateLimited(SanicException):
    status_code = 429
    message = "Too many requests. Please wait a moment and try again."
    quiet = True


async def hit(redis, scope: str, ident: str, limit: int, window: int) -> int:
    """Count one request; raise RateLimited once the window is used up."""
    now = time.time()
    key = f"rl:{scope}:{ident}:{int(now // window)}"
    async with redis.pipeline(transaction=True) as pipe:
        pipe.incr(key)
        pipe.expire(key, window + 1)
        count, _ = await pipe.execute()
    if count > limit:
        retry_after = max(1, window - int(now % window))
        if count == limit + 1:
            logger.warning("rate limit hit scope=%s ident=%s", scope, ident)
        raise RateLimited(headers={"Retry-After": str(retry_after)})
    return count


def by_ip(request: Request) -> str:
    return client_ip(request)


def by_user(request: Request) -> str:
    user = getattr(request.ctx, "user", None)
    return f"u{user['id']}" if user else f"ip{client_ip(request)}"


def rate_limit(scope: str, limit: int, window: int = 60, *, key: KeyFunc = by_ip):
    def decorator(handler):
        @wraps(handler)
        async def wrapper(*args, **kwargs):
            request = request_from_args(args)
            if request.app.config.RATE_LIMIT_ENABLED:
                await hit(request.app.ctx.redis, scope, key(request), limit, window)
            return await handler(*args, **kwargs)

        wrapper.__rate_limit__ = (scope, limit, window)
        return wrapper

    return decorator
