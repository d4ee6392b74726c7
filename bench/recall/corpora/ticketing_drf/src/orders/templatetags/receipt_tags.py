from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def holder_label(ticket):
    """Name printed on the ticket stub, falling back to the ticket type."""
    name = ticket.holder_name or ticket.ticket_type.name
    return mark_safe(f'<span class="holder">{name}</span>')


@register.simple_tag
def seat_badge(ticket):
    if not ticket.seat:
        return format_html('<span class="seat seat--ga">{}</span>', "General admission")
    return format_html('<span class="seat">{}</span>', ticket.seat)


@register.filter
def money(value, currency="EUR"):
    return f"{value:,.2f} {currency}"
