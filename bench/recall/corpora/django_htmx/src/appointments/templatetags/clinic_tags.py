import random

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

STATUS_CLASSES = {
    "booked": "badge-blue",
    "checked_in": "badge-amber",
    "completed": "badge-green",
    "cancelled": "badge-grey",
    "no_show": "badge-red",
}

WAITING_ROOM_TIPS = [
    "Please let reception know if your contact details have changed.",
    "Free Wi-Fi: NorthsideGuest",
    "Repeat prescriptions can be requested online.",
    "Flu vaccinations are available from October.",
]


@register.simple_tag
def status_badge(appointment):
    css = STATUS_CLASSES.get(appointment.status, "badge-grey")
    return format_html('<span class="badge {}">{}</span>', css, appointment.get_status_display())


@register.simple_tag
def patient_chip(patient):
    initials = f"{patient.first_name[:1]}{patient.last_name[:1]}".upper()
    return mark_safe(
        f'<span class="chip"><span class="chip-avatar">{initials}</span>{patient.full_name}</span>'
    )


@register.simple_tag
def waiting_room_tip():
    return random.choice(WAITING_ROOM_TIPS)


@register.filter
def minutes(value):
    return f"{value} min"
