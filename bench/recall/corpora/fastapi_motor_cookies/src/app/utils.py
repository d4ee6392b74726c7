"""Small helpers shared by services and templates."""
import hashlib
import random
import re
import unicodedata
from urllib.parse import urlencode, urlsplit

import markdown
from markupsafe import escape

AVATAR_COLORS = ("#f97316", "#0ea5e9", "#22c55e", "#a855f7", "#eab308", "#ef4444", "#14b8a6")


def slugify(value: str, max_length: int = 60) -> str:
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s_]+", "-", value).strip("-")[:max_length] or "event"


def render_markdown(source: str) -> str:
    """Render an organiser's event description (Markdown) to HTML."""
    return markdown.markdown(source, extensions=["extra", "sane_lists", "nl2br"], output_format="html")


def linebreaks(text: str) -> str:
    """Escape plain text and turn blank-line separated blocks into paragraphs."""
    blocks = [block for block in re.split(r"\n\s*\n", text.strip()) if block]
    return "\n".join("<p>{}</p>".format(str(escape(block)).replace("\n", "<br>")) for block in blocks)


def excerpt(text: str, length: int = 160) -> str:
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "\u2026"


def gravatar_url(email: str, size: int = 80) -> str:
    digest = hashlib.md5(email.strip().lower().encode("utf-8")).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}?{urlencode({'s': size, 'd': 'identicon'})}"


def pick_avatar_color() -> str:
    return random.choice(AVATAR_COLORS)


def safe_next_url(target: str | None, default: str = "/") -> str:
    """Only allow redirects to paths on this site."""
    if not target or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target
