"""Assorted helpers shared by routes and services."""
import datetime as dt
import hashlib
import re

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_email(value):
    return bool(value and EMAIL_RE.match(value))


def parse_day(value, default=None):
    if not value:
        return default or dt.date.today()
    if not DATE_RE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def money(cents):
    return "£%d.%02d" % divmod(int(cents), 100)


def etag_for(body):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return '"%s"' % hashlib.md5(body, usedforsecurity=False).hexdigest()


def chunked(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def mask_email(email):
    local, _, domain = (email or "").partition("@")
    if not domain:
        return "***"
    return "%s***@%s" % (local[:1], domain)


def to_int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
