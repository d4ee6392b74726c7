"""Tiny Redis-backed cache for expensive report queries."""
import hashlib
import json
import os

import redis

_client = None
DEFAULT_TTL = 15 * 60


def _redis():
    global _client
    if _client is None:
        _client = redis.Redis.from_url(os.environ.get("CACHE_REDIS_URL", "redis://localhost:6379/3"))
    return _client


def report_cache_key(name, **params):
    raw = json.dumps(params, sort_keys=True, default=str)
    return f"report:{name}:{hashlib.md5(raw.encode('utf-8')).hexdigest()}"


def cached_rows(key, loader, ttl=DEFAULT_TTL):
    try:
        hit = _redis().get(key)
    except redis.RedisError:
        hit = None
    if hit is not None:
        return json.loads(hit)
    rows = [dict(r) for r in loader()]
    try:
        _redis().setex(key, ttl, json.dumps(rows, default=str))
    except redis.RedisError:
        pass
    return rows


def invalidate(prefix="report:"):
    try:
        for key in _redis().scan_iter(f"{prefix}*"):
            _redis().delete(key)
    except redis.RedisError:
        pass
