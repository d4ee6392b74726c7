from __future__ import annotations

import re
from datetime import date, datetime

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from app import __version__
from app.config import BASE_DIR, settings
from app.security import get_csrf_token, pop_flashes

templates = Jinja2Templates(directory=str(BASE_DIR / "templates"))


def nl2br(value: str | None) -> Markup:
    """Render user-entered multi-line text with line breaks preserved."""
    if not value:
        return Markup("")
    return Markup("<br>\n").join(escape(line) for line in value.splitlines())


def highlight(value: str | None, term: str | None) -> Markup:
    """Wrap occurrences of the search term in <mark> for the HTMX search results."""
    if not value:
        return Markup("")
    if not term or not term.strip():
        return escape(value)
    pattern = re.compile(re.escape(term.strip()), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", value))


def format_date(value: date | datetime | None, fmt: str = "%d %b %Y") -> str:
    if value is None:
        return "—"
    return value.strftime(fmt)


def format_days(value: float | None) -> str:
    if value is None:
        return "0"
    number = float(value)
    return f"{number:.0f}" if number.is_integer() else f"{number:.1f}"


templates.env.filters["nl2br"] = nl2br
templates.env.filters["highlight"] = highlight
templates.env.filters["date"] = format_date
templates.env.filters["days"] = format_days
templates.env.globals["csrf_token"] = get_csrf_token
templates.env.globals["get_flashed_messages"] = pop_flashes
templates.env.globals["app_name"] = settings.app_name
templates.env.globals["app_version"] = __version__
