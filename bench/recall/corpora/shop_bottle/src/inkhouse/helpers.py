"""Small helpers used across the app: text, money, HTML snippets, logging."""
import functools
import hashlib
import html
import logging
import logging.config
import random
import re
import string
import unicodedata
import uuid
from decimal import ROUND_HALF_UP, Decimal

from bottle import jinja2_template, request
from markupsafe import Markup

from . import settings

_SLUG_STRIP = re.compile(r"[^\w\s-]")
_SLUG_HYPHENATE = re.compile(r"[-\s]+")

CURRENCY_SYMBOLS = {"EUR": "\u20ac", "GBP": "\u00a3", "USD": "$"}

BADGE_CLASSES = {
    "pending": "badge-grey",
    "paid": "badge-blue",
    "printing": "badge-amber",
    "shipped": "badge-green",
    "cancelled": "badge-red",
    "refunded": "badge-red",
}


def slugify(value):
    value = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode("ascii")
    value = _SLUG_STRIP.sub("", value).strip().lower()
    return _SLUG_HYPHENATE.sub("-", value)


def random_code(length=8, alphabet=string.ascii_uppercase + string.digits):
    return "".join(random.choices(alphabet, k=length))


def make_sku(product_slug, size, paper):
    prefix = "".join(part[:2] for part in product_slug.split("-")[:3]).upper()
    return f"{prefix}-{size.upper()}-{paper[:3].upper()}-{random_code(4)}"


def format_money(amount, currency="EUR"):
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{CURRENCY_SYMBOLS.get(currency, currency + ' ')}{amount:,.2f}"


def render_paragraphs(text):
    """Turn plain text typed into the admin into <p> blocks."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text or "") if b.strip()]
    return "\n".join("<p>%s</p>" % html.escape(b).replace("\n", "<br>") for b in blocks)


def status_badge(status):
    css = BADGE_CLASSES.get(status, "badge-grey")
    return Markup('<span class="badge %s">%s</span>') % (css, status.title())


def mask_email(email):
    name, _, domain = (email or "").partition("@")
    if not domain:
        return "***"
    return f"{name[:1]}***@{domain}"


# ---------------------------------------------------------------------------
# Logging
# ---------------------------------------------------------------------------

class RequestIdFilter(logging.Filter):
    """Attach a per-request id so that log lines can be correlated."""

    def filter(self, record):
        try:
            environ = request.environ
        except RuntimeError:
            environ = None
        if environ is None:
            record.request_id = "-"
            return True
        if "inkhouse.request_id" not in environ:
            environ["inkhouse.request_id"] = environ.get("HTTP_X_REQUEST_ID") or uuid.uuid1().hex[:12]
        record.request_id = environ["inkhouse.request_id"]
        return True


def configure_logging(config):
    level = config.get("logging.level", "INFO").upper()
    logging.config.dictConfig({
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {
            "default": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "default", "filters": ["request_id"]},
        },
        "root": {"level": level, "handlers": ["console"]},
        "loggers": {"waitress": {"level": "WARNING"}},
    })


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=256)
def _asset_version(path):
    full_path = settings.STATIC_DIR / path
    try:
        data = full_path.read_bytes()
    except OSError:
        return "0"
    return hashlib.md5(data, usedforsecurity=False).hexdigest()[:10]


def asset_url(path):
    """Cache-busting URL for a file under /static."""
    return f"/static/{path}?v={_asset_version(path)}"


JINJA_SETTINGS = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "filters": {"money": format_money},
    "globals": {"status_badge": status_badge, "asset_url": asset_url},
}

#: Render a Jinja2 template from ``inkhouse/templates`` with autoescaping on.
render = functools.partial(jinja2_template, template_settings=JINJA_SETTINGS)
