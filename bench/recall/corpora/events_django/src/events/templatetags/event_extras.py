import random
from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from venues.models import render_markdown

register = template.Library()

ACCENT_COLOURS = ["#ff6b6b", "#f7b731", "#20bf6b", "#0fb9b1", "#4b7bec", "#a55eea", "#fd9644"]

STATUS_CLASSES = {
    "draft": "secondary",
    "published": "success",
    "sold_out": "warning",
    "cancelled": "danger",
}

CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}


@register.simple_tag
def accent_colour():
    """Random card accent so the listing grid doesn't look like a spreadsheet."""
    return random.choice(ACCENT_COLOURS)


@register.simple_tag
def status_badge(event):
    css = STATUS_CLASSES.get(event.status, "secondary")
    return format_html('<span class="badge badge-{}">{}</span>', css, event.get_status_display())


@register.simple_tag
def search_summary(query, count):
    noun = "event" if count == 1 else "events"
    if not query:
        return f"{count} {noun}"
    return mark_safe(f"{count} {noun} matching <strong>&ldquo;{query}&rdquo;</strong>")


@register.filter
def price(value, currency="EUR"):
    if value is None:
        return ""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    symbol = CURRENCY_SYMBOLS.get((currency or "EUR").upper(), "")
    if value == 0:
        return "Free"
    return f"{symbol}{value:,.2f}"


@register.filter
def markdownify(text):
    return mark_safe(render_markdown(text))


