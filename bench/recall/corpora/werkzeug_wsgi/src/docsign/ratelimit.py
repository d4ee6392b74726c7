import functools
import threading
import time
from collections import defaultdict, deque

from werkzeug.exceptions import TooManyRequests

from docsign.utils import client_ip


class RateLimiter:
    """Fixed-window-ish sliding log kept in process memory.

    uwsgi runs a single process per container, so this is good enough for
    an internal service; swap for Redis if we ever scale out.
    """

    def __init__(self):
        self._hits = defaultdict(deque)
        self._lock = threading.Lock()

    def hit(self, key, limit, period):
        now = time.monotonic()
        with self._lock:
            window = self._hits[key]
            while window and window[0] <= now - period:
                window.popleft()
            if len(window) >= limit:
                return False
            window.append(now)
            return True

    def reset(self):
        with self._lock:
            self._hits.clear()


def rate_limit(limit, period, scope=None, methods=("POST",)):
    """Limit a handler method per client IP.

    Only the listed methods count, so rendering a form never locks anyone out.
    """

    def decorator(view):
        bucket = scope or view.__qualname__

        @functools.wraps(view)
        def wrapper(self, request, **kwargs):
            if request.method in methods:
                key = f"{bucket}:{client_ip(request)}"
                if not self.limiter.hit(key, limit, period):
                    raise TooManyRequests("Too many attempts, try again later.")
            return view(self, request, **kwargs)

        return wrapper

    return decorator
