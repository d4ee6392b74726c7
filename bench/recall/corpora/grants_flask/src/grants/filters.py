import random
from decimal import Decimal

import bleach
import markdown
from markupsafe import Markup, escape

ALLOWED_TAGS = [
    "p", "br", "strong", "em", "ul", "ol", "li", "h3", "h4", "blockquote", "code", "pre", "a",
]
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}

STATUS_CLASSES = {
    "draft": "secondary",
    "submitted": "primary",
    "under_review": "info",
    "awarded": "success",
    "declined": "danger",
    "withdrawn": "dark",
}

PLACEHOLDER_COLOURS = ["#f8d7da", "#d1e7dd", "#cff4fc", "#fff3cd", "#e2e3e5", "#d3d3f5"]


def render_markdown(text):
    """Markdown -> sanitised HTML, stored on the model as description_html."""
    html = markdown.markdown(text or "", extensions=["sane_lists"])
    cleaned = bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, strip=True)
    return bleach.linkify(cleaned)


def status_badge(status):
    css = STATUS_CLASSES.get(status, "secondary")
    label = status.replace("_", " ").title()
    return Markup('<span class="badge bg-{}">{}</span>').format(css, label)


def nl2br(value):
    if not value:
        return ""
    return Markup("<br>\n").join(escape(line) for line in value.splitlines())


def money(value, currency="EUR"):
    if value is None:
        return "-"
    value = Decimal(value).quantize(Decimal("0.01"))
    return f"{currency} {value:,.2f}"


def placeholder_colour(_seed=None):
    return random.choice(PLACEHOLDER_COLOURS)


def init_app(app):
    app.jinja_env.filters["status_badge"] = status_badge
    app.jinja_env.filters["nl2br"] = nl2br
    app.jinja_env.filters["money"] = money
    app.jinja_env.globals["placeholder_colour"] = placeholder_colour
    app.jinja_env.globals["app_name"] = app.config["APP_NAME"]
