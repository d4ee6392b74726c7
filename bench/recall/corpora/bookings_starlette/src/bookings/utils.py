import hashlib
import random
import re
import secrets
import string
from datetime import datetime, timezone
from decimal import Decimal

AVATAR_COLOURS = ["#1abc9c", "#3498db", "#9b59b6", "#e67e22", "#e74c3c", "#34495e"]
REFERENCE_ALPHABET = string.ascii_uppercase + string.digits

_slug_re = re.compile(r"[^a-z0-9]+")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def slugify(value: str) -> str:
    return _slug_re.sub("-", value.lower()).strip("-")


def avatar_colour(name: str) -> str:
    rnd = random.Random(name)
    return rnd.choice(AVATAR_COLOURS)


def booking_reference() -> str:
    return "HH-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(10))


def photo_etag(data: bytes) -> str:
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def money(amount) -> str:
    return f"{Decimal(amount):.2f}"


def parse_iso(value: str) -> datetime:
    dt = datetime.fromisoformat(value)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt


def hours_between(start: datetime, end: datetime) -> Decimal:
    seconds = (end - start).total_seconds()
    return (Decimal(seconds) / Decimal(3600)).quantize(Decimal("0.01"))
