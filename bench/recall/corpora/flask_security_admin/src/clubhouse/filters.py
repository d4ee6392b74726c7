"""Custom Jinja2 filters."""
import hashlib
import re
from datetime import date, datetime
from urllib.parse import urlencode

from markupsafe import Markup, escape

_URL_RE = re.compile(r"(https?://[^\s<]+)")
_PARAGRAPH_RE = re.compile(r"(?:\r\n|\r|\n){2,}")


def nl2br(value):
    """Turn blank-line separated text into paragraphs, escaping the text first."""
    if not value:
        return ""
    paragraphs = _PARAGRAPH_RE.split(str(escape(value)))
    html = "\n".join(f"<p>{p.strip()}</p>".replace("\n", "<br>\n") for p in paragraphs if p.strip())
    return Markup(html)


def linkify(value):
    """Make bare URLs in member-written text clickable."""
    if not value:
        return ""
    return Markup(_URL_RE.sub(r'<a href="\1" rel="nofollow noopener">\1</a>', value))


def money(cents, currency="EUR"):
    return f"{cents / 100:,.2f} {currency.upper()}"


def short_date(value):
    if isinstance(value, (date, datetime)):
        return value.strftime("%a %d %b")
    return value


def gravatar_url(email, size=80, default="identicon"):
    digest = hashlib.md5(email.strip().lower().encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?{urlencode({'s': size, 'd': default})}"


def register_filters(app):
    app.jinja_env.filters["nl2br"] = nl2br
    app.jinja_env.filters["linkify"] = linkify
    app.jinja_env.filters["money"] = money
    app.jinja_env.filters["short_date"] = short_date
    app.jinja_env.filters["gravatar"] = gravatar_url
