import random
import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Background colours for titles that have no cover image.
COVER_PALETTE = ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#6d597a", "#355070"]

STATUS_BADGES = {
    "available": ("success", "On shelf"),
    "on_loan": ("secondary", "On loan"),
    "on_hold": ("warning", "Reserved"),
    "in_transit": ("info", "In transit"),
    "missing": ("danger", "Missing"),
}

FORMAT_ICONS = {
    "book": '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M1 2h6v12H1zM9 2h6v12H9z"/></svg>',
    "large_print": '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M2 2h12v12H2z"/></svg>',
    "audiobook": '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6"/></svg>',
    "dvd": '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="7"/><circle cx="8" cy="8" r="2"/></svg>',
    "ebook": '<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><rect x="3" y="1" width="10" height="14" rx="1"/></svg>',
}


@register.simple_tag
def placeholder_cover_colour():
    return random.choice(COVER_PALETTE)


@register.simple_tag
def format_icon(fmt):
    return mark_safe(FORMAT_ICONS.get(fmt, FORMAT_ICONS["book"]))


@register.simple_tag
def availability_badge(status):
    css, label = STATUS_BADGES.get(status, ("light", status))
    return format_html('<span class="badge bg-{}">{}</span>', css, label)


@register.filter
def highlight(text, term):
    """Wrap occurrences of the search term in <mark>."""
    if not term:
        return text
    pattern = re.compile(re.escape(term.strip()), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", str(text)))


@register.filter
def pence(value):
    try:
        return f"£{int(value) / 100:.2f}"
    except (TypeError, ValueError):
        return ""


@register.inclusion_tag("catalogue/_stars.html")
def rating_stars(rating):
    rating = int(rating or 0)
    return {"full": range(rating), "empty": range(5 - rating), "rating": rating}
