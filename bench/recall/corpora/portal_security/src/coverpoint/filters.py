"""Jinja filters and globals."""
from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from markupsafe import Markup, escape


def money(value: Decimal | float | None, symbol: str = "£") -> str:
    if value is None:
        return "–"
    return f"{symbol}{value:,.2f}"


def datefmt(value: date | datetime | str | None, fmt: str = "%d %b %Y") -> str:
    if not value:
        return ""
    if isinstance(value, str):
        # raw SQL rows from SQLite come back as ISO strings
        value = datetime.fromisoformat(value)
    return value.strftime(fmt)


def nl2br(value: str | None) -> Markup:
    """Keep the line breaks customers type into free-text fields."""
    if not value:
        return Markup("")
    return Markup(value.replace("\r\n", "\n").replace("\n", "<br>\n"))


def highlight(text: str | None, term: str | None) -> Markup:
    """Wrap occurrences of *term* in <mark> for the admin search results."""
    escaped = str(escape(text or ""))
    if not term:
        return Markup(escaped)
    pattern = re.compile(re.escape(str(escape(term))), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped))


def status_label(status: str | None) -> str:
    return (status or "").replace("_", " ").capitalize()


def register_filters(app) -> None:
    app.add_template_filter(money)
    app.add_template_filter(datefmt)
    app.add_template_filter(nl2br)
    app.add_template_filter(status_label)
    app.add_template_global(highlight)
