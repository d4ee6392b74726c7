from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

STATUS_CLASSES = {
    "booked": "badge-info",
    "confirmed": "badge-success",
    "cancelled": "badge-muted",
    "attended": "badge-success",
    "no_show": "badge-warning",
}


@register.simple_tag
def required_marker():
    return mark_safe('<span class="required" aria-hidden="true">*</span>')


@register.simple_tag
def clinician_link(clinician):
    return format_html(
        '<a href="{}" class="clinician">{}</a> <small>{}</small>',
        clinician.get_absolute_url(),
        clinician.display_name,
        clinician.specialty,
    )


@register.filter
def status_badge(appointment):
    css = STATUS_CLASSES.get(appointment.status, "badge-info")
    return format_html('<span class="badge {}">{}</span>', css, appointment.get_status_display())


@register.filter
def notes_preview(notes, length=60):
    """Short preview of the patient's notes for the list page, with the full
    text in a tooltip."""
    if not notes:
        return ""
    preview = notes if len(notes) <= length else notes[: length - 1] + "\u2026"
    html = '<span class="notes" title="{}">{}</span>'.format(notes, preview)
    return mark_safe(html)
