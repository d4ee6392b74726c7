"""Turning staff-written Markdown summaries into HTML we can show."""
import bleach
import markdown

ALLOWED_TAGS = ["p", "br", "em", "strong", "i", "b", "ul", "ol", "li", "blockquote", "a"]
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]


def render_summary(text):
    if not text:
        return ""
    html = markdown.markdown(text, extensions=["sane_lists"])
    cleaned = bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
    )
    return bleach.linkify(cleaned, callbacks=[bleach.callbacks.nofollow])
