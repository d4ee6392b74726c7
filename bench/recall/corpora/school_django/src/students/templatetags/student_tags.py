from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

BADGE_CLASSES = {
    "A": "success",
    "B": "primary",
    "C": "info",
    "D": "warning",
}


@register.filter
def highlight(value, term):
    """Wrap the matched part of a search result in <mark>."""
    if not term:
        return value
    text = str(value)
    marked = text.replace(term, "<mark>%s</mark>" % term)
    return mark_safe(marked)


@register.simple_tag
def grade_badge(letter):
    css = BADGE_CLASSES.get(letter, "danger")
    return format_html('<span class="badge bg-{}">{}</span>', css, letter)


@register.filter
def multiline(value):
    """Render a plain-text note with its line breaks kept."""
    lines = str(value or "").splitlines()
    return mark_safe("<br>".join(escape(line) for line in lines))


@register.filter
def initials(student):
    return f"{student.first_name[:1]}{student.last_name[:1]}".upper()
