from django import template
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

STATUS_CLASSES = {
    "open": "pill-green",
    "pending": "pill-amber",
    "closed": "pill-gray",
}


def _initials(name: str) -> str:
    parts = [p for p in name.split() if p]
    return "".join(p[0] for p in parts[:2]).upper() or "?"


@register.simple_tag
def agent_badge(agent):
    """Coloured avatar + name used in the inbox list and the message thread."""
    if agent is None:
        return mark_safe('<span class="badge badge-unassigned">Unassigned</span>')
    name = agent.display_name or agent.get_full_name() or agent.username
    html = (
        f'<span class="badge" style="background:{agent.avatar_color}">'
        f'<span class="badge-initials">{_initials(name)}</span> {name}</span>'
    )
    return mark_safe(html)


@register.simple_tag
def status_pill(conversation):
    css = STATUS_CLASSES.get(conversation.status, "pill-gray")
    return format_html('<span class="pill {}">{}</span>', css, conversation.get_status_display())


@register.filter
def plain_lines(text):
    """Render plain text with line breaks, escaping every line."""
    if not text:
        return ""
    return mark_safe("<br>".join(escape(line) for line in str(text).splitlines()))


@register.filter
def waiting_for(conversation):
    if conversation.first_response_at or conversation.status == "closed":
        return ""
    minutes = int((timezone.now() - conversation.created_at).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


@register.simple_tag(takes_context=True)
def unread_count(context, conversation):
    last_seen = context.get("last_seen", {}).get(conversation.pk)
    qs = conversation.messages.filter(sender_type="visitor")
    if last_seen:
        qs = qs.filter(created_at__gt=last_seen)
    return qs.count()
