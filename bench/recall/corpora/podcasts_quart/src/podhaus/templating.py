"""Jinja filters and globals shared by the HTML and feed templates."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import format_datetime

import bleach
import markdown
from markupsafe import Markup, escape
from quart import Quart

ALLOWED_TAGS = [
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4",
    "i", "li", "ol", "p", "pre", "strong", "ul",
]
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "abbr": ["title"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]

_TIMESTAMP_RE = re.compile(r"\b(?:(\d{1,2}):)?(\d{1,2}):(\d{2})\b")

_cleaner = bleach.sanitizer.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
)


def render_markdown(text: str | None) -> Markup:
    """Markdown for listener-facing text (show descriptions, bios)."""
    html = markdown.markdown(text or "", extensions=["sane_lists"])
    return Markup(_cleaner.clean(html))


def _timestamp_link(match: re.Match[str]) -> str:
    hours, minutes, seconds = match.groups()
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return f'<a href="#t={total}" class="ts" data-seek="{total}">{match.group(0)}</a>'


def render_show_notes(text: str | None) -> Markup:
    """Episode show notes.

    Podcasters paste sponsor blocks and YouTube/Spotify embeds into their
    notes, so these go through the full Markdown pipeline (tables, fenced
    code, raw HTML) and get clickable chapter timestamps.
    """
    html = markdown.markdown(
        text or "",
        extensions=["extra", "sane_lists", "nl2br"],
        output_format="html",
    )
    html = _TIMESTAMP_RE.sub(_timestamp_link, html)
    return Markup(html)


def highlight(text: str | None, query: str | None) -> str:
    """Wrap occurrences of ``query`` in <mark>; both sides are escaped first."""
    safe_text = str(escape(text or ""))
    if not query:
        return safe_text
    safe_query = str(escape(query.strip()))
    if not safe_query:
        return safe_text
    pattern = re.compile(re.escape(safe_query), re.IGNORECASE)
    return pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", safe_text)


def badge(kind: str, label: str) -> Markup:
    return Markup('<span class="badge badge-{}">{}</span>').format(kind, label)


def duration(seconds: int | None) -> str:
    if not seconds:
        return "0:00"
    hours, rem = divmod(int(seconds), 3600)
    minutes, secs = divmod(rem, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def rfc822(value: datetime | None) -> str:
    if value is None:
        value = datetime.now(timezone.utc)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return format_datetime(value)


def filesize(num: int | None) -> str:
    size = float(num or 0)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"


def init_app(app: Quart) -> None:
    app.jinja_env.filters.update(
        markdown=render_markdown,
        show_notes=render_show_notes,
        highlight=highlight,
        duration=duration,
        rfc822=rfc822,
        filesize=filesize,
    )
    app.jinja_env.globals.update(badge=badge, app_name=app.config["APP_NAME"])
