import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

ICONS = {
    "document": '<i class="fa fa-file-text-o" aria-hidden="true"></i>',
    "person": '<i class="fa fa-user" aria-hidden="true"></i>',
    "calendar": '<i class="fa fa-calendar" aria-hidden="true"></i>',
    "news": '<i class="fa fa-bullhorn" aria-hidden="true"></i>',
}

STATUS_CLASSES = {
    "approved": "success",
    "pending": "warning",
    "rejected": "danger",
    "cancelled": "secondary",
}


@register.simple_tag
def icon(name):
    return mark_safe(ICONS.get(name, ""))


@register.simple_tag
def status_badge(status, label=None):
    css_class = STATUS_CLASSES.get(status, "secondary")
    return format_html('<span class="badge badge-{}">{}</span>', css_class, label or status)


@register.filter
def highlight(value, term):
    """Wrap occurrences of the search term in <mark> for the directory results."""
    if not term:
        return value
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", str(value)))


@register.filter
def initials(full_name):
    parts = [p for p in str(full_name).split() if p]
    return "".join(p[0].upper() for p in parts[:2])


@register.simple_tag(takes_context=True)
def active_nav(context, prefix):
    request = context.get("request")
    if request is not None and request.path.startswith(prefix):
        return "active"
    return ""
