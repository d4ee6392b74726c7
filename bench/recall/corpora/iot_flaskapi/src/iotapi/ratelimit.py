"""Fixed-window throttling on Redis for endpoints called by devices.

Devices sit behind carrier NAT, so limiting them by remote address (what
flask-limiter does for the rest of the API) would lock out whole fleets.
These buckets are keyed by the device id from the request body instead.
"""
import time
from functools import wraps

from flask import jsonify, request

from .extensions import redis_client


def _device_key():
    body = request.get_json(silent=True) or {}
    return str(body.get("device_id") or request.remote_addr)


def throttle(bucket, limit, window, key_func=_device_key):
    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            slot = int(time.time() // window)
            key = f"throttle:{bucket}:{key_func()}:{slot}"
            pipe = redis_client.pipeline()
            pipe.incr(key)
            pipe.expire(key, window)
            count, _ = pipe.execute()
            if count > limit:
                resp = jsonify(error="too_many_requests", retry_after=window)
                resp.status_code = 429
                resp.headers["Retry-After"] = str(window)
                return resp
            return view(*args, **kwargs)
        return wrapper
    return decorator
