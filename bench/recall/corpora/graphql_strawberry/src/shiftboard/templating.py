"""Jinja2 setup for the admin pages (autoescaping on, as Starlette configures it)."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"

STATUS_CLASSES = {
    "open": "success",
    "full": "secondary",
    "draft": "warning",
    "cancelled": "danger",
    "confirmed": "success",
    "standby": "info",
    "no_show": "dark",
}


def highlight(text: str | None, term: str | None) -> Markup:
    """Wrap case-insensitive matches of ``term`` in ``<mark>`` for the search results."""
    if text is None:
        return Markup("")
    if not term:
        return escape(text)
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text))


def nl2br(value: str | None) -> Markup:
    if not value:
        return Markup("")
    return Markup("<br>\n").join(escape(value).splitlines())


def status_badge(status: str) -> Markup:
    css = STATUS_CLASSES.get(status, "light")
    label = status.replace("_", " ").title()
    return Markup('<span class="badge text-bg-{}">{}</span>').format(css, label)


def localtime(value: datetime | None, tz: str = "UTC", fmt: str = "%a %d %b %H:%M") -> str:
    if value is None:
        return ""
    try:
        zone = ZoneInfo(tz)
    except Exception:
        zone = ZoneInfo("UTC")
    return value.astimezone(zone).strftime(fmt)


def build_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    templates.env.filters.update(
        highlight=highlight,
        nl2br=nl2br,
        status_badge=status_badge,
        localtime=localtime,
    )
    return templates
