"""Markdown rendering for posts."""
import re

import bleach
import markdown
from bleach.linkifier import LinkifyFilter

ALLOWED_TAGS = [
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h3", "h4", "hr", "i",
    "li", "ol", "p", "pre", "strong", "sub", "sup", "ul", "del", "table",
    "thead", "tbody", "tr", "th", "td",
]
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "abbr": ["title"], "code": ["class"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    filters=[LinkifyFilter],
)

MENTION_RE = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{3,30})")


def render_markdown(text):
    html = markdown.markdown(text, extensions=["fenced_code", "tables", "sane_lists"])
    return _cleaner.clean(html)


def mentions(text):
    return sorted(set(MENTION_RE.findall(text)))


def excerpt(text, length=200):
    plain = re.sub(r"\s+", " ", bleach.clean(text, tags=[], strip=True)).strip()
    return plain if len(plain) <= length else plain[: length - 1].rstrip() + "\u2026"


def slugify(title):
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:80] or "thread"
