"""Jinja2 setup for the server-rendered admin pages."""
import hashlib
import re
from datetime import datetime
from pathlib import Path

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"

templates = Jinja2Templates(directory=str(TEMPLATE_DIR))

_ROLE_CLASSES = {
    "admin": "badge badge-red",
    "moderator": "badge badge-amber",
    "member": "badge",
}


def gravatar_url(email: str, size: int = 40) -> str:
    digest = hashlib.md5(email.strip().lower().encode("utf-8")).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?s={size}&d=identicon"


def role_badge(role: str) -> Markup:
    css = _ROLE_CLASSES.get(str(role), "badge")
    return Markup('<span class="{}">{}</span>').format(css, role)


def highlight(text: str, term: str) -> Markup:
    """Wrap every occurrence of the search term in <mark>."""
    if not term:
        return Markup(escape(text))
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text))


def timeago(value: datetime | None) -> str:
    if value is None:
        return "never"
    delta = datetime.now(value.tzinfo) - value
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    return value.strftime("%Y-%m-%d")


templates.env.filters["gravatar"] = gravatar_url
templates.env.filters["role_badge"] = role_badge
templates.env.filters["highlight"] = highlight
templates.env.filters["timeago"] = timeago
