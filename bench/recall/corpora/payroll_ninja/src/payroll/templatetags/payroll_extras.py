import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.utils import mask_iban, money

register = template.Library()

STATUS_CLASSES = {
    "active": "success",
    "leave": "warning",
    "terminated": "secondary",
    "submitted": "info",
    "approved": "success",
    "rejected": "danger",
    "paid": "primary",
}


@register.filter
def highlight(value, term):
    """Wrap occurrences of the search term in <mark> for the result tables."""
    if not term:
        return value
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", str(value)))


@register.simple_tag
def status_badge(status, label=None):
    css = STATUS_CLASSES.get(status, "light")
    return format_html('<span class="badge bg-{}">{}</span>', css, label or status)


@register.filter
def gbp(value):
    return f"£{money(value):,}"


@register.filter
def masked_iban(value):
    return mask_iban(value)


@register.inclusion_tag("backoffice/_avatar.html")
def avatar(user):
    return {"initials": user.initials, "colour": user.avatar_colour}
