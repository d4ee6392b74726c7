"""Jinja filters and globals for the dashboard."""
import random

import bleach
import markdown
from markupsafe import Markup, escape

BADGE_COLOURS = ["#2563eb", "#16a34a", "#d97706", "#9333ea", "#0891b2", "#db2777"]

STATUS_CLASSES = {
    "available": "badge-success",
    "in_service": "badge-primary",
    "maintenance": "badge-warning",
    "retired": "badge-secondary",
}

ALLOWED_TAGS = ["p", "br", "strong", "em", "ul", "ol", "li", "code", "pre", "a"]
ALLOWED_ATTRS = {"a": ["href", "title"]}


def depot_colour(depot_code, _cache={}):
    """Stable-ish colour per depot for the map legend."""
    if depot_code not in _cache:
        _cache[depot_code] = random.choice(BADGE_COLOURS)
    return _cache[depot_code]


def status_badge(vehicle):
    css = STATUS_CLASSES.get(vehicle.status, "badge-light")
    label = vehicle.status.replace("_", " ").title()
    title = vehicle.status_note or label
    return Markup(f'<span class="badge {css}" title="{title}">{label}</span>')


def nl2br(value):
    if not value:
        return ""
    return Markup("<br>\n").join(escape(line) for line in str(value).splitlines())


def render_notes(text):
    """Workshop notes are written in markdown by staff."""
    if not text:
        return ""
    html = markdown.markdown(text, extensions=["fenced_code"])
    return bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRS, strip=True)


def km(value):
    if value is None:
        return "–"
    return f"{int(value):,} km".replace(",", "\u202f")


def register_helpers(app):
    app.add_template_filter(status_badge)
    app.add_template_filter(nl2br)
    app.add_template_filter(render_notes)
    app.add_template_filter(km)
    app.add_template_global(depot_colour)
