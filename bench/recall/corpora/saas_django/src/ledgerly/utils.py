import random
import re
import string
from decimal import ROUND_HALF_UP, Decimal

from django.utils.text import slugify

TOKEN_ALPHABET = string.ascii_letters + string.digits

_SLUG_RE = re.compile(r"[^a-z0-9-]")


def generate_token(length=32):
    """Short URL-friendly token, used for invitations and similar links."""
    return "".join(random.choices(TOKEN_ALPHABET, k=length))


def cents_to_decimal(cents):
    return (Decimal(cents) / Decimal(100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def decimal_to_cents(amount):
    return int((Decimal(amount) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def tenant_slug(name):
    slug = slugify(name)[:40]
    return _SLUG_RE.sub("", slug) or "firm"


def client_ip(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if forwarded:
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def chunked(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
