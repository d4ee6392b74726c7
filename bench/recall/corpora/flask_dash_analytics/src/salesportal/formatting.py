"""Jinja filters and small HTML helpers used by the report templates."""
import re
from decimal import Decimal

from markupsafe import Markup, escape

TIER_CLASSES = {
    "strategic": "text-bg-primary",
    "key": "text-bg-info",
    "standard": "text-bg-secondary",
}

STATUS_CLASSES = {
    "paid": "success",
    "open": "warning",
    "cancelled": "danger",
    "refunded": "dark",
}


def money(value, currency="EUR"):
    if value is None:
        return "–"
    amount = Decimal(value).quantize(Decimal("0.01"))
    return f"{amount:,.2f} {currency}"


def customer_badge(name, tier=None):
    css = TIER_CLASSES.get((tier or "").lower(), "text-bg-light")
    return Markup(f'<span class="badge {css}">{name}</span>')


def status_pill(status):
    css = STATUS_CLASSES.get(status, "secondary")
    return Markup('<span class="badge rounded-pill text-bg-{}">{}</span>').format(css, status)


def highlight(text, term):
    """Wrap case-insensitive matches of ``term`` in <mark>, escaping everything else."""
    escaped_text = str(escape(text or ""))
    if not term:
        return Markup(escaped_text)
    pattern = re.compile(re.escape(str(escape(term))), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped_text))
