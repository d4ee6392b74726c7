import re
from decimal import Decimal

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

STATUS_CLASSES = {
    "draft": "badge-muted",
    "sent": "badge-info",
    "paid": "badge-success",
    "void": "badge-danger",
}

_EMPHASIS = re.compile(r"\*(.+?)\*")


@register.filter
def money(amount, currency="EUR"):
    if amount in (None, ""):
        return ""
    return f"{Decimal(amount):,.2f} {currency}"


@register.simple_tag
def status_badge(invoice):
    css_class = STATUS_CLASSES.get(invoice.status, "badge-muted")
    return format_html('<span class="badge {}">{}</span>', css_class, invoice.get_status_display())


@register.filter
def address_block(address):
    """Postal address with one line per row."""
    lines = [escape(line.strip()) for line in (address or "").splitlines() if line.strip()]
    return mark_safe("<br>".join(lines))


@register.filter
def render_notes(notes):
    """Invoice notes support line breaks and *emphasis*, like the editor preview."""
    if not notes:
        return ""
    html = _EMPHASIS.sub(r"<em>\1</em>", notes.strip())
    return mark_safe(html.replace("\n", "<br>"))
