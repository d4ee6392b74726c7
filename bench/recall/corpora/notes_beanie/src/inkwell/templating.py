"""Jinja2 setup for the server-rendered pages plus the text helpers they use."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import bleach
import markdown as md
from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from inkwell.config import settings
from inkwell.security.csrf import attach_csrf_cookie, get_or_create_csrf_token
from inkwell.utils import utcnow

TEMPLATES_DIR = Path(__file__).parent / "templates"

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))

_ALLOWED_TAGS = sorted(
    set(bleach.sanitizer.ALLOWED_TAGS)
    | {"p", "pre", "code", "h1", "h2", "h3", "h4", "hr", "br", "table", "thead", "tbody",
       "tr", "th", "td", "img", "del", "input"}
)
_ALLOWED_ATTRS = {
    **bleach.sanitizer.ALLOWED_ATTRIBUTES,
    "img": ["src", "alt", "title"],
    "code": ["class"],
    "input": ["type", "checked", "disabled"],
}
_MD_EXTENSIONS = ["fenced_code", "tables", "sane_lists", "nl2br"]


def render_markdown(text: str) -> Markup:
    """Render a note body to sanitised HTML."""
    raw_html = md.markdown(text, extensions=_MD_EXTENSIONS, output_format="html")
    cleaned = bleach.clean(
        raw_html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRS,
        protocols=["http", "https", "mailto"],
        strip=True,
    )
    return Markup(bleach.linkify(cleaned))


def highlight_terms(text: str, query: str) -> Markup:
    """Escape ``text`` and wrap case-insensitive matches of the query words in <mark>."""
    words = [w for w in query.split() if len(w) > 1][:10]
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out = Markup()
    pos = 0
    for match in pattern.finditer(text):
        out += text[pos : match.start()]
        out += Markup("<mark>{}</mark>").format(match.group(0))
        pos = match.end()
    out += text[pos:]
    return out


def search_banner(query: str, matches: int) -> Markup:
    noun = "match" if matches == 1 else "matches"
    return Markup(f'{matches} {noun} for <mark class="q">{query}</mark>')


def excerpt(text: str, length: int = 180) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def timeago(value: datetime) -> str:
    delta = utcnow() - value
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    if delta.days < 30:
        return f"{delta.days} d ago"
    return value.strftime("%d %b %Y")


templates.env.filters["timeago"] = timeago
templates.env.filters["excerpt"] = excerpt
templates.env.globals["app_name"] = settings.app_name
templates.env.globals["base_url"] = settings.public_base_url


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
):
    """TemplateResponse that always carries a CSRF token for the page's forms."""
    csrf_token, is_new = get_or_create_csrf_token(request)
    ctx = {"csrf_token": csrf_token, **(context or {})}
    response = templates.TemplateResponse(request, name, ctx, status_code=status_code)
    if is_new:
        attach_csrf_cookie(response, csrf_token)
    return response
