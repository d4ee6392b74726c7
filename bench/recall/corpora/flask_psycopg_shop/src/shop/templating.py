"""Jinja filters, globals and small text helpers for the templates."""
import hashlib
import os
import re
from decimal import Decimal

from flask import current_app, g, request, url_for
from markupsafe import Markup, escape

CURRENCY_SYMBOLS = {"eur": "\u20ac", "usd": "$", "gbp": "\u00a3"}


def format_cents(cents, currency="eur"):
    amount = (Decimal(cents or 0) / 100).quantize(Decimal("0.01"))
    symbol = CURRENCY_SYMBOLS.get(currency.lower(), currency.upper() + " ")
    return f"{symbol}{amount:,}"


def highlight(text, term):
    """Wrap case-insensitive matches of ``term`` in <mark>, escaping everything else."""
    if not text:
        return Markup("")
    if not term:
        return escape(text)
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    parts = []
    last = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last:match.start()]))
        parts.append(Markup("<mark>%s</mark>") % match.group(0))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def truncate_words(text, count=30):
    words = (text or "").split()
    if len(words) <= count:
        return " ".join(words)
    return " ".join(words[:count]) + "\u2026"


def _asset_version(app, filename):
    """Short content hash appended to static URLs for cache busting."""
    path = os.path.join(app.static_folder, filename)
    try:
        with open(path, "rb") as fh:
            return hashlib.md5(fh.read(), usedforsecurity=False).hexdigest()[:10]
    except OSError:
        return "0"


def register_template_helpers(app):
    from .services.cart import Cart

    versions = {}

    def asset_url(filename):
        if filename not in versions or app.debug:
            versions[filename] = _asset_version(app, filename)
        return url_for("static", filename=filename, v=versions[filename])

    app.jinja_env.globals["asset_url"] = asset_url
    app.jinja_env.filters["money"] = lambda cents: format_cents(cents, current_app.config["SHOP_CURRENCY"])
    app.jinja_env.filters["truncate_words"] = truncate_words

    @app.context_processor
    def inject_globals():
        return {
            "current_user": g.get("user"),
            "site_name": current_app.config["SITE_NAME"],
            "cart_count": Cart().count(),
            "theme": request.cookies.get("theme", "system"),
        }
