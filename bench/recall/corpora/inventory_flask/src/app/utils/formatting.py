import re

from markupsafe import Markup, escape

BADGE_CLASSES = {
    "ok": ("success", "In stock"),
    "low": ("warning", "Low"),
    "out": ("danger", "Out of stock"),
    "archived": ("secondary", "Archived"),
}


def highlight(value, term):
    """Wrap matches of the search term in <mark> for the results table."""
    if not term or not value:
        return value
    pattern = re.compile(re.escape(term), re.IGNORECASE)
    return Markup(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", str(value)))


def stock_status(quantity, reorder_point):
    if quantity <= 0:
        return "out"
    if quantity <= (reorder_point or 0):
        return "low"
    return "ok"


def status_badge(level):
    css, label = BADGE_CLASSES.get(level, ("light", level))
    return Markup('<span class="badge bg-{}">{}</span>').format(css, label)


def format_qty(value, unit=None):
    if value is None:
        return "-"
    text = f"{int(value):,}"
    return f"{text} {unit}" if unit and unit != "ea" else text


def lookup_fragment(code, item=None):
    if item is None:
        return f'<div class="alert alert-warning mb-0">No item with barcode <code>{escape(code)}</code></div>'
    return (
        f'<div class="alert alert-info mb-0"><strong>{escape(item.sku)}</strong> '
        f"{escape(item.name)} &mdash; {item.on_hand} on hand</div>"
    )
