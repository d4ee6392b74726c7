"""Jinja filters and globals for the web UI."""
import re

from markupsafe import Markup, escape


def nl2br(value):
    if not value:
        return ""
    return Markup("<br>\n").join(escape(line) for line in str(value).splitlines())


def highlight(text, term):
    if not text or not term:
        return text or ""
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text))


def format_count(value):
    try:
        return f"{int(value):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return "–"


STATUS_CLASSES = {
    "draft": "secondary",
    "active": "success",
    "closed": "dark",
    "archived": "light",
}


def status_class(status):
    return STATUS_CLASSES.get(status, "secondary")


def register_template_helpers(app):
    app.add_template_filter(nl2br)
    app.add_template_filter(highlight)
    app.add_template_filter(format_count)
    app.add_template_global(status_class)
