import re

import bleach
import markdown
from markupsafe import Markup, escape

ALLOWED_TAGS = ["p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote", "code"]
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]


def render_summary(md_text: str) -> str:
    """Teachers write course summaries in Markdown; store sanitised HTML next to the source."""
    html = markdown.markdown(md_text or "", extensions=["extra", "sane_lists"])
    return bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True)


def highlight(text: str, term: str | None) -> Markup:
    """Wrap occurrences of term in <mark>, escaping everything else."""
    escaped_text = str(escape(text))
    if not term:
        return Markup(escaped_text)
    pattern = re.compile(re.escape(str(escape(term))), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped_text))


def slugify(value: str) -> str:
    value = re.sub(r"[^\w\s-]", "", value.lower()).strip()
    return re.sub(r"[-\s]+", "-", value)[:200]
