import random
import re
import string

_ALPHABET = string.ascii_lowercase + string.digits
_SLUG_RE = re.compile(r"[^a-z0-9]+")


def short_id(length: int = 8) -> str:
    """Short lowercase id, e.g. for batch ids and DOM ids."""
    return "".join(random.choices(_ALPHABET, k=length))


def slugify(value: str, max_length: int = 48) -> str:
    slug = _SLUG_RE.sub("-", value.lower()).strip("-")
    return slug[:max_length] or short_id(6)
