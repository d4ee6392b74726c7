"""In-process sliding-window rate limiting.

Each web worker keeps its own counters; with two workers behind nginx the
effective limit is twice the configured one, which is fine for our volumes.
"""
import functools
import threading
import time
from collections import defaultdict, deque

from bottle import HTTPResponse, request

_lock = threading.Lock()
_hits = defaultdict(deque)


def client_ip():
    # nginx sets X-Real-IP; the app is never exposed directly
    return request.get_header("X-Real-IP") or request.remote_addr or "unknown"


def hit(bucket, key, limit, per):
    now = time.monotonic()
    window = _hits[(bucket, key)]
    with _lock:
        while window and window[0] <= now - per:
            window.popleft()
        if len(window) >= limit:
            return False, int(per - (now - window[0])) + 1
        window.append(now)
    return True, 0


def rate_limited(bucket, limit, per, key_func=client_ip):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            allowed, retry_after = hit(bucket, key_func(), limit, per)
            if not allowed:
                return HTTPResponse(
                    status=429,
                    body="Too many attempts, try again in %d seconds." % retry_after,
                    headers={"Retry-After": str(retry_after)},
                )
            return fn(*args, **kwargs)
        return wrapper
    return decorator


def reset(bucket=None):
    with _lock:
        if bucket is None:
            _hits.clear()
            return
        for key in [k for k in _hits if k[0] == bucket]:
            del _hits[key]
