import bleach
import markdown
from markupsafe import Markup

from crm.utils import avatar_color

STATUS_LABELS = {
    "lead": "Lead",
    "prospect": "Prospect",
    "active": "Active customer",
    "churned": "Churned",
}

ALLOWED_TAGS = ["a", "p", "br", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "h3", "h4"]
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]


def render_markdown(text):
    html = markdown.markdown(text or "", extensions=["sane_lists"])
    cleaned = bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
    )
    return bleach.linkify(cleaned)


def status_badge(status):
    label = STATUS_LABELS.get(status, status)
    return Markup('<span class="badge badge-{0}">{1}</span>').format(status, label)


def tag_badge(tag):
    return Markup(f'<span class="tag" style="background-color: {tag.color}">{tag.name}</span>')


def includeme(config):
    config.include("pyramid_jinja2")
    config.commit()
    env = config.get_jinja2_environment()
    env.filters["markdown"] = render_markdown
    env.filters["status_badge"] = status_badge
    env.filters["tag_badge"] = tag_badge
    env.globals["avatar_color"] = avatar_color
