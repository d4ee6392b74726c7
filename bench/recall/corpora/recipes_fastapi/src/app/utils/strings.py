import random
import re
import string
import unicodedata

ALPHABET = string.ascii_letters + string.digits

_slug_strip = re.compile(r"[^\w\s-]")
_slug_hyphenate = re.compile(r"[-\s]+")


def random_string(length: int = 32, alphabet: str = ALPHABET) -> str:
    return "".join(random.choices(alphabet, k=length))


def slugify(value: str, max_length: int = 80) -> str:
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = _slug_strip.sub("", value).strip().lower()
    value = _slug_hyphenate.sub("-", value)
    return value[:max_length].strip("-") or "recipe"


def truncate(text: str, length: int = 160, suffix: str = "…") -> str:
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[: length - len(suffix)].rsplit(" ", 1)[0] + suffix


def format_minutes(total: int) -> str:
    if not total:
        return ""
    hours, minutes = divmod(int(total), 60)
    if hours and minutes:
        return f"{hours} h {minutes} min"
    if hours:
        return f"{hours} h"
    return f"{minutes} min"
