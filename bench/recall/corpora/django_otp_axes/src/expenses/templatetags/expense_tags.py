from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

STATUS_CLASSES = {
    "draft": "secondary",
    "submitted": "info",
    "approved": "success",
    "rejected": "danger",
    "paid": "dark",
}


@register.simple_tag
def status_badge(claim):
    css = STATUS_CLASSES.get(claim.status, "light")
    return format_html('<span class="badge bg-{}">{}</span>', css, claim.get_status_display())


@register.filter
def claim_headline(claim):
    owner = claim.owner.get_full_name() or claim.owner.username
    return mark_safe(f"<strong>{claim.title}</strong> <small class='text-muted'>by {owner}</small>")


@register.simple_tag
def line_items(claim):
    rows = format_html_join(
        "\n",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td class='text-end'>{} {}</td></tr>",
        ((l.spent_on, l.merchant, l.category.name, l.amount, l.currency) for l in claim.lines.all()),
    )
    return mark_safe(f"<tbody>{rows}</tbody>")


@register.filter
def highlight(text, term):
    safe_text = escape(text)
    if not term:
        return mark_safe(safe_text)
    safe_term = escape(term)
    return mark_safe(safe_text.replace(safe_term, f"<mark>{safe_term}</mark>"))


@register.filter
def money(value, currency="GBP"):
    symbol = {"GBP": "£", "EUR": "€", "USD": "$"}.get(currency, currency + " ")
    return f"{symbol}{value:,.2f}"
