import re
from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def money(value):
    if value in (None, ""):
        return "—"
    return f"${Decimal(value):,.2f}"


@register.filter
def highlight(text, term):
    """Wrap occurrences of the search term in <mark> for the htmx result list."""
    if not term:
        return text
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", str(text)))


@register.simple_tag
def priority_pill(ticket):
    css = {"urgent": "pill-red", "normal": "pill-blue", "low": "pill-grey"}.get(ticket.priority, "pill-grey")
    return format_html('<span class="pill {}">{}</span>', css, ticket.get_priority_display())


@register.simple_tag(takes_context=True)
def active_nav(context, url_name):
    match = context["request"].resolver_match
    return "active" if match and match.url_name == url_name else ""
