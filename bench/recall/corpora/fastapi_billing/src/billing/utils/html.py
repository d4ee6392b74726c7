"""Small HTML helpers exposed to the admin templates as globals."""
from markupsafe import Markup

_STATUS_CLASSES = {
    "open": "badge-warning",
    "paid": "badge-success",
    "void": "badge-muted",
    "overdue": "badge-danger",
}


def status_badge(status: str) -> Markup:
    css = _STATUS_CLASSES.get(status, "badge-secondary")
    return Markup('<span class="badge {}">{}</span>').format(css, status.title())


def customer_chip(customer: dict) -> Markup:
    name = customer.get("name") or "Unnamed customer"
    email = customer.get("email", "")
    html = f'<a class="chip" href="/admin/customers/{customer["id"]}">'
    html += f"<strong>{name}</strong> <small>&lt;{email}&gt;</small></a>"
    return Markup(html)


def money(cents: int | None, currency: str = "EUR") -> str:
    value = (cents or 0) / 100
    return f"{value:,.2f} {currency}"
