"""Small helpers shared by services, views and scripts."""
import random
import re
import string
import unicodedata

_ALPHANUMERIC = string.ascii_letters + string.digits

AVATAR_COLORS = ("#1abc9c", "#3498db", "#9b59b6", "#e67e22", "#e74c3c", "#34495e", "#16a085")


def random_string(length=32, alphabet=_ALPHANUMERIC):
    return "".join(random.choice(alphabet) for _ in range(length))


def avatar_color(seed):
    """Stable background colour for an initials avatar, keyed on the display name."""
    return random.Random(seed).choice(AVATAR_COLORS)


def normalize_email(value):
    return (value or "").strip().lower()


def slugify(value):
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def split_tags(value, separator=";"):
    return sorted({part.strip().lower() for part in (value or "").split(separator) if part.strip()})
