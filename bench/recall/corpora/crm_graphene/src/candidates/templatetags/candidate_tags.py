import re
from urllib.parse import urlencode

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from candidates.models import Candidate

register = template.Library()

STATUS_CSS = {
    Candidate.Status.NEW: "info",
    Candidate.Status.SCREENING: "warning",
    Candidate.Status.INTERVIEWING: "primary",
    Candidate.Status.PLACED: "success",
    Candidate.Status.NOT_LOOKING: "muted",
}


@register.filter
def highlight(value, term):
    """Wrap every occurrence of the search term in <mark>."""
    if not term or not value:
        return value
    pattern = re.compile(re.escape(str(term)), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", str(value)))


@register.simple_tag
def status_badge(status):
    label = Candidate.Status(status).label if status in Candidate.Status.values else status
    css = STATUS_CSS.get(status, "muted")
    return format_html('<span class="badge badge--{}">{}</span>', css, label)


@register.filter(needs_autoescape=True)
def multiline(value, autoescape=True):
    """Like linebreaksbr, but collapses runs of blank lines."""
    esc = conditional_escape if autoescape else (lambda text: text)
    lines = [esc(line) for line in str(value or "").splitlines()]
    collapsed = []
    for line in lines:
        if line or (collapsed and collapsed[-1]):
            collapsed.append(line)
    return mark_safe("<br>".join(collapsed))


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """Rebuild the current query string with some keys replaced (pagination, sorting)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return urlencode(sorted(params.lists()), doseq=True)


@register.filter
def salary(value):
    if value in (None, ""):
        return "—"
    return f"£{int(value):,}"


@register.filter
def initials(candidate):
    return f"{candidate.first_name[:1]}{candidate.last_name[:1]}".upper()
