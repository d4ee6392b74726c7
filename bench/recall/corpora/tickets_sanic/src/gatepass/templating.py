"""Jinja setup for sanic-ext templating: filters, globals, HTML cleaning."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import bleach
import markdown
from markupsafe import Markup, escape
from sanic import Request, Sanic

ALLOWED_TAGS = ["a", "b", "strong", "i", "em", "p", "br", "ul", "ol", "li", "h3", "h4", "blockquote"]
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]


def clean_html(raw: str | None) -> str:
    """Sanitise organiser-supplied HTML/markdown before we store it."""
    if not raw:
        return ""
    rendered = markdown.markdown(raw)
    cleaned = bleach.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
    )
    return bleach.linkify(cleaned, callbacks=[bleach.callbacks.nofollow, bleach.callbacks.target_blank])


def render_markdown(text: str | None) -> Markup:
    if not text:
        return Markup("")
    rendered = markdown.markdown(text, extensions=["extra", "sane_lists", "nl2br"])
    return Markup(rendered)


def nl2br(value: str | None) -> Markup:
    escaped = escape(value or "")
    return Markup("<br>\n").join(escaped.split("\n"))


def money(cents: int | None, currency: str = "EUR") -> str:
    if cents is None:
        return ""
    symbol = {"EUR": "€", "GBP": "£", "USD": "$"}.get(currency.upper(), currency.upper() + " ")
    return f"{symbol}{cents / 100:,.2f}"


def local_datetime(value: datetime | None, tz: str = "Europe/Berlin", fmt: str = "%a %d %b %Y, %H:%M") -> str:
    if value is None:
        return ""
    try:
        zone = ZoneInfo(tz)
    except Exception:
        zone = ZoneInfo("UTC")
    return value.astimezone(zone).strftime(fmt)


def csrf_token() -> str:
    request = Request.get_current()
    return getattr(request.ctx, "csrf_token", "")


def current_user():
    try:
        request = Request.get_current()
    except Exception:
        return None
    return getattr(request.ctx, "user", None)


def setup(app: Sanic) -> None:
    @app.before_server_start
    async def configure_jinja(app: Sanic) -> None:
        env = app.ext.templating.environment
        env.filters.update(
            markdown=render_markdown,
            nl2br=nl2br,
            money=money,
            local_datetime=local_datetime,
        )
        env.globals.update(
            csrf_token=csrf_token,
            current_user=current_user,
            site_name="Gatepass",
            public_base_url=app.config.PUBLIC_BASE_URL,
        )
