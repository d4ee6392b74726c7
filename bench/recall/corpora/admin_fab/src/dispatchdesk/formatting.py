"""Small presentation helpers used by ModelView formatters and templates."""
from datetime import datetime

from markupsafe import Markup, escape

STATUS_CSS = {
    "created": "default",
    "at_depot": "info",
    "out_for_delivery": "primary",
    "delivered": "success",
    "failed_attempt": "warning",
    "returned": "danger",
    "cancelled": "default",
}


def status_badge(status):
    css = STATUS_CSS.get(status, "default")
    label = (status or "unknown").replace("_", " ")
    return Markup('<span class="label label-{}">{}</span>').format(css, label)


def instructions_preview(text, limit=60):
    """Shorten delivery instructions for the list view, full text on hover."""
    if not text:
        return ""
    short = text if len(text) <= limit else text[: limit - 1] + "\u2026"
    return Markup(f'<span class="dd-instructions" title="{text}">{short}</span>')


def nl2br(text):
    if not text:
        return Markup("")
    return Markup("<br>\n").join(escape(line) for line in text.splitlines())


def weight_kg(value):
    if value is None:
        return "\u2013"
    return f"{float(value):.1f} kg"


def relative_age(moment, now=None):
    if moment is None:
        return "never"
    now = now or datetime.utcnow()
    minutes = int((now - moment).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h ago"
    return f"{hours // 24} days ago"
