import bleach
import markdown as md

ALLOWED_TAGS = [
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4",
    "hr", "i", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
]
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "abbr": ["title"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]


def render_markdown(source: str | None) -> str:
    """Project READMEs are written by customers; render and sanitise them."""
    if not source:
        return ""
    html = md.markdown(source, extensions=["fenced_code", "tables"])
    cleaned = bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
    )
    return bleach.linkify(cleaned, callbacks=[bleach.callbacks.nofollow])
