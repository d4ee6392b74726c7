"""Jinja helpers shared by the portal templates."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from litestar.contrib.jinja import JinjaTemplateEngine

_CURRENCY_SYMBOLS = {"eur": "€", "usd": "$", "gbp": "£", "chf": "CHF "}


def money(cents: int | None, currency: str = "eur") -> str:
    if cents is None:
        return "–"
    amount = (Decimal(cents) / 100).quantize(Decimal("0.01"))
    symbol = _CURRENCY_SYMBOLS.get(currency.lower(), currency.upper() + " ")
    return f"{symbol}{amount:,.2f}"


def nice_date(value: date | datetime | None, fmt: str = "%d %b %Y") -> str:
    if value is None:
        return ""
    return value.strftime(fmt)


def nl2br(value: str | None) -> Markup:
    """Render plain text with line breaks, escaping every line first."""
    if not value:
        return Markup("")
    lines = (escape(line) for line in value.splitlines())
    return Markup("<br>\n").join(lines)


def highlight(text: str | None, term: str | None) -> Markup:
    """Wrap occurrences of the search term in <mark> for the gallery search page."""
    if not text:
        return Markup("")
    if not term:
        return Markup(escape(text))
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    marked = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", text)
    return Markup(marked)


def initials(name: str | None) -> str:
    if not name:
        return "?"
    parts = [p for p in name.split() if p]
    return "".join(p[0].upper() for p in parts[:2])


def register_template_helpers(engine: JinjaTemplateEngine) -> None:
    engine.register_template_callable("current_year", lambda ctx: datetime.now().year)
    env = engine.engine
    env.filters["money"] = money
    env.filters["nice_date"] = nice_date
    env.filters["nl2br"] = nl2br
    env.filters["highlight"] = highlight
    env.filters["initials"] = initials
