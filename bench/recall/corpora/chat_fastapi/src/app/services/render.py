"""Markdown rendering for chat messages.

Messages are stored as the raw text the user typed plus a cleaned HTML
rendering, so clients and the admin pages never have to render markdown.
"""
import bleach
import markdown
from bleach.linkifier import Linker

ALLOWED_TAGS = [
    "a",
    "b",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "ul",
]
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]

_md = markdown.Markdown(extensions=["fenced_code", "nl2br", "sane_lists"])


def _nofollow(attrs, new=False):
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


_linker = Linker(callbacks=[_nofollow])


def render_markdown(text: str) -> str:
    _md.reset()
    html = _md.convert(text)
    cleaned = bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
    )
    return _linker.linkify(cleaned)


def preview(text: str, length: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "\u2026"
