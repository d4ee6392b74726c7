"""Falcon ``before`` hooks: permission checks and rate limiting."""

import logging
from urllib.parse import quote

import falcon
import redis

from stockroom.db import get_redis

logger = logging.getLogger(__name__)

ROLE_RANK = {"clerk": 10, "supervisor": 20, "manager": 30, "admin": 40}


def require_scope(scope: str):
    """API: the bearer token must carry ``scope``."""

    def hook(req, resp, resource, params):
        client = req.context.get("client")
        if client is None:
            raise falcon.HTTPUnauthorized(title="Authentication required", challenges=["Bearer"])
        if scope not in client["scopes"]:
            raise falcon.HTTPForbidden(
                title="Insufficient scope",
                description=f"This endpoint requires the '{scope}' scope.",
            )

    return hook


def require_role(role: str):
    """Admin UI: the logged-in user must have at least ``role``."""
    needed = ROLE_RANK[role]

    def hook(req, resp, resource, params):
        user = req.context.get("user")
        if user is None:
            raise falcon.HTTPSeeOther("/stockroom/login?next=" + quote(req.relative_uri, safe=""))
        if ROLE_RANK.get(user["role"], 0) < needed:
            raise falcon.HTTPForbidden(
                title="Not allowed",
                description=f"You need the {role} role for this page.",
            )

    return hook


def rate_limit(bucket: str, *, limit: int, window: int):
    """Fixed-window limiter keyed on the client address, backed by Redis."""

    def hook(req, resp, resource, params):
        key = f"ratelimit:{bucket}:{req.remote_addr}"
        try:
            pipe = get_redis().pipeline()
            pipe.incr(key)
            pipe.expire(key, window, nx=True)
            count, _ = pipe.execute()
        except redis.RedisError:
            logger.warning("rate limiter unavailable, letting %s %s through", req.method, req.path)
            return
        if count > limit:
            logger.info("rate limit hit: bucket=%s addr=%s count=%s", bucket, req.remote_addr, count)
            raise falcon.HTTPTooManyRequests(
                title="Too many requests",
                description="Please wait a few minutes before trying again.",
                retry_after=window,
            )

    return hook
