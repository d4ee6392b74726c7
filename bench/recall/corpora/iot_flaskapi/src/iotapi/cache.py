"""Small Redis read-through cache for expensive telemetry queries."""
import hashlib
import json
import logging

from .extensions import redis_client

log = logging.getLogger(__name__)


def cache_key(namespace, *parts):
    material = json.dumps(parts, sort_keys=True, default=str)
    digest = hashlib.md5(material.encode("utf-8")).hexdigest()
    return f"{namespace}:{digest}"


def cached_json(namespace, parts, ttl, producer):
    """Return producer() from cache, computing and storing it on a miss."""
    key = cache_key(namespace, *parts)
    hit = redis_client.get(key)
    if hit is not None:
        return json.loads(hit)
    value = producer()
    try:
        redis_client.setex(key, ttl, json.dumps(value, default=str))
    except Exception:  # cache is best effort
        log.warning("could not write cache key %s", key, exc_info=True)
    return value


def drop_namespace(namespace):
    for key in redis_client.scan_iter(f"{namespace}:*", count=500):
        redis_client.delete(key)
