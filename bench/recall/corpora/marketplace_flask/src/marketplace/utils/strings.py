import random
import re
import string
import unicodedata

_ALPHABET = string.ascii_lowercase + string.digits


def random_string(length=8, alphabet=_ALPHABET):
    return "".join(random.choices(alphabet, k=length))


def slugify(value, max_length=80):
    value = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    value = re.sub(r"[-\s]+", "-", value).strip("-_")
    return value[:max_length] or "item"


def unique_slug(title):
    return f"{slugify(title, 100)}-{random_string(6)}"


def mask_email(email):
    if not email or "@" not in email:
        return "?"
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


def parse_price(raw):
    if raw is None or raw == "":
        return None
    cleaned = raw.replace(",", ".").replace("€", "").strip()
    return float(cleaned)
