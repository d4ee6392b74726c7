"""Markdown rendering for pages and comments."""
import re
import unicodedata

import bleach
import markdown
from markupsafe import Markup

PAGE_EXTENSIONS = ["extra", "toc", "sane_lists", "codehilite", "admonition"]
PAGE_EXTENSION_CONFIGS = {
    "codehilite": {"guess_lang": False, "css_class": "highlight"},
    "toc": {"permalink": True},
}

COMMENT_EXTENSIONS = ["sane_lists", "fenced_code"]
COMMENT_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "i",
    "li", "ol", "p", "pre", "strong", "ul",
}
COMMENT_ATTRIBUTES = {"a": ["href", "title"], "abbr": ["title"], "code": ["class"]}
COMMENT_PROTOCOLS = {"http", "https", "mailto"}

_WIKILINK_RE = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
_SLUG_STRIP_RE = re.compile(r"[^\w\s-]")
_SLUG_DASH_RE = re.compile(r"[-\s]+")


def slugify(value):
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = _SLUG_STRIP_RE.sub("", value).strip().lower()
    return _SLUG_DASH_RE.sub("-", value)


def expand_wikilinks(source, link_for):
    """Turn ``[[Other page|label]]`` into a markdown link."""

    def _replace(match):
        target = match.group(1).strip()
        label = (match.group(2) or target).strip()
        return f"[{label}]({link_for(slugify(target))})"

    return _WIKILINK_RE.sub(_replace, source)


def _markdown(source, extensions, configs=None):
    md = markdown.Markdown(extensions=extensions, extension_configs=configs or {}, output_format="html")
    return md.convert(source)


def render_page(source, link_for):
    """Render page markdown to HTML. ``link_for`` maps a slug to a URL."""
    html = _markdown(expand_wikilinks(source or "", link_for), PAGE_EXTENSIONS, PAGE_EXTENSION_CONFIGS)
    return Markup(html)


def render_comment(source):
    html = _markdown(source or "", COMMENT_EXTENSIONS)
    cleaned = bleach.clean(
        html,
        tags=COMMENT_TAGS,
        attributes=COMMENT_ATTRIBUTES,
        protocols=COMMENT_PROTOCOLS,
        strip=True,
    )
    return Markup(cleaned)


def plain_excerpt(source, length=200):
    text = re.sub(r"[#*_`>\[\]()!]", "", source or "")
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    return text[: length - 1].rstrip() + "\u2026"
