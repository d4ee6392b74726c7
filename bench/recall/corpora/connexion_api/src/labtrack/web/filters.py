"""Template helpers for the staff console."""
from __future__ import annotations

import re

from markupsafe import Markup, escape

STATUS_CLASSES = {
    "registered": "badge-muted",
    "in_transit": "badge-info",
    "received": "badge-info",
    "in_analysis": "badge-warning",
    "reported": "badge-success",
    "rejected": "badge-danger",
    "disposed": "badge-muted",
}


def status_badge(status: str) -> Markup:
    css = STATUS_CLASSES.get(status, "badge-muted")
    return Markup('<span class="badge {}">{}</span>').format(css, status.replace("_", " "))


def highlight(value: str | None, term: str | None) -> Markup:
    """Wrap matches of the search term in <mark> for the results table."""
    if not value:
        return Markup("")
    if not term:
        return escape(value)
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", value))


def notes_html(value: str | None) -> str:
    """Bench notes keep their line breaks; everything else is escaped."""
    if not value:
        return ""
    return str(escape(value)).replace("\n", "<br>\n")


def datetime_short(value) -> str:
    return value.strftime("%d %b %Y %H:%M") if value else "—"


def register(app_or_blueprint) -> None:
    app_or_blueprint.add_app_template_global(status_badge, "status_badge")
    app_or_blueprint.add_app_template_filter(highlight, "highlight")
    app_or_blueprint.add_app_template_filter(datetime_short, "dt")
