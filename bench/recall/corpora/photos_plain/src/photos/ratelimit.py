"""Very small in-memory sliding window limiter.

Good enough for a single gunicorn box; each worker keeps its own counters,
which is why the limits are a bit tighter than they would otherwise be.
"""
import functools
import threading
import time
from collections import defaultdict, deque

from flask import flash, jsonify, redirect, render_template, request


class RateLimiter:
    def __init__(self):
        self._hits = defaultdict(deque)
        self._lock = threading.Lock()

    def hit(self, key, limit, window):
        """Record a hit; return False when the key is over its limit."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits[key]
            while hits and hits[0] <= now - window:
                hits.popleft()
            if len(hits) >= limit:
                return False
            hits.append(now)
            return True

    def retry_after(self, key, window):
        with self._lock:
            hits = self._hits.get(key)
            if not hits:
                return 0
            return max(0, int(hits[0] + window - time.monotonic()))

    def reset(self, key):
        with self._lock:
            self._hits.pop(key, None)

    def clear(self):
        with self._lock:
            self._hits.clear()


limiter = RateLimiter()


def client_ip():
    # ProxyFix already rewrote remote_addr from the nginx X-Forwarded-For
    return request.remote_addr or "unknown"


def rate_limit(scope, limit, window, key_func=None, methods=("POST",)):
    """Limit ``limit`` requests per ``window`` seconds for each client."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if request.method in methods:
                ident = key_func() if key_func else client_ip()
                key = "%s:%s" % (scope, ident)
                if not limiter.hit(key, limit, window):
                    wait = limiter.retry_after(key, window)
                    if request.is_json or request.path.startswith("/api/"):
                        resp = jsonify(error="too many requests", retry_after=wait)
                        resp.status_code = 429
                        resp.headers["Retry-After"] = str(wait)
                        return resp
                    body = render_template("errors/429.html", retry_after=wait)
                    return body, 429, {"Retry-After": str(wait)}
            return view(*args, **kwargs)

        return wrapped

    return decorator


def limit_or_redirect(scope, ident, limit, window, endpoint):
    """Inline variant for views that want to flash instead of a 429 page."""
    key = "%s:%s" % (scope, ident)
    if limiter.hit(key, limit, window):
        return None
    flash("Too many attempts, please wait a few minutes.", "error")
    return redirect(endpoint)
