import hashlib
import re
import secrets

from django.core.cache import cache
from django.utils.text import slugify

_WS_RE = re.compile(r"\s+")


def normalise_query(raw, max_length=100):
    """Collapse whitespace and trim a free-text search query."""
    if not raw:
        return ""
    return _WS_RE.sub(" ", raw).strip()[:max_length]


def cache_key(prefix, *parts):
    digest = hashlib.md5(
        "|".join(str(p) for p in parts).encode("utf-8"), usedforsecurity=False
    ).hexdigest()
    return f"artsboard:{prefix}:{digest}"


def cached(prefix, timeout=300):
    """Cache a function's return value keyed on its arguments."""

    def decorator(func):
        def wrapper(*args, **kwargs):
            key = cache_key(prefix, func.__name__, *args, *sorted(kwargs.items()))
            value = cache.get(key)
            if value is None:
                value = func(*args, **kwargs)
                cache.set(key, value, timeout)
            return value

        wrapper.__name__ = func.__name__
        wrapper.__doc__ = func.__doc__
        return wrapper

    return decorator


def unique_slug(base, exists):
    """Return a slug based on ``base`` that ``exists(slug)`` reports as free."""
    slug = slugify(base)[:60] or "item"
    candidate = slug
    while exists(candidate):
        candidate = f"{slug}-{secrets.token_hex(3)}"
    return candidate


def client_ip(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")
