"""Custom Jinja2 filters used across the templates."""
import hashlib
import re
from datetime import datetime

from markupsafe import Markup, escape

ROLE_BADGES = {
    "manager": "badge-primary",
    "nurse": "badge-info",
    "gp": "badge-success",
    "reception": "badge-secondary",
    "locum": "badge-warning",
}


def shift_time(value, fmt="%a %d %b %H:%M"):
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.strftime(fmt) if value else ""


def role_badge(role):
    css = ROLE_BADGES.get(role, "badge-light")
    return Markup('<span class="badge %s">%s</span>') % (css, role)


def nl2br(value):
    if not value:
        return ""
    return Markup(value.replace("\r\n", "\n").replace("\n", "<br>\n"))


def highlight(text, term):
    """Wrap matches of ``term`` in <mark>, escaping everything else."""
    text = str(escape(text or ""))
    if not term:
        return Markup(text)
    pattern = re.compile(re.escape(str(escape(term))), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: "<mark>%s</mark>" % m.group(0), text))


def gravatar(email, size=40):
    digest = hashlib.md5(email.strip().lower().encode(), usedforsecurity=False).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?s={size}&d=identicon"


def register(app):
    app.jinja_env.filters.update(
        shift_time=shift_time,
        role_badge=role_badge,
        nl2br=nl2br,
        highlight=highlight,
        gravatar=gravatar,
    )
