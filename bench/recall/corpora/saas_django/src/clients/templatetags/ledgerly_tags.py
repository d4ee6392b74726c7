import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from ledgerly.utils import cents_to_decimal

register = template.Library()

STATUS_COLOURS = {
    "draft": "secondary",
    "sent": "primary",
    "paid": "success",
    "overdue": "danger",
    "void": "dark",
}


@register.filter
def money(cents, currency="USD"):
    if cents in (None, ""):
        return "—"
    amount = cents_to_decimal(cents)
    return f"{currency} {amount:,.2f}"


@register.simple_tag
def status_badge(status):
    colour = STATUS_COLOURS.get(status, "light")
    return format_html('<span class="badge bg-{}">{}</span>', colour, status.title())


@register.filter
def highlight(text, term):
    """Wrap occurrences of the search term in <mark> for the results list."""
    if not term or not text:
        return text
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", str(text)))


@register.filter(needs_autoescape=True)
def address_lines(value, autoescape=True):
    """Render a multi-line postal address with <br> between lines."""
    if not value:
        return ""
    esc = escape if autoescape else (lambda s: s)
    lines = [esc(line.strip()) for line in str(value).splitlines() if line.strip()]
    return mark_safe("<br>".join(lines))


@register.filter
def initials(name):
    parts = [p for p in str(name).split() if p]
    return "".join(p[0].upper() for p in parts[:2]) or "?"

