"""Small presentation helpers shared by pages, e-mails and receipts."""
from decimal import Decimal

from markupsafe import Markup, escape


def format_address(restaurant: dict) -> Markup:
    lines = [
        restaurant.get(part)
        for part in ("street", "postcode_city", "country")
        if restaurant.get(part)
    ]
    return Markup("<br>").join(escape(line) for line in lines)


def format_money(amount_cents: int, currency: str = "EUR") -> str:
    value = (Decimal(amount_cents or 0) / 100).quantize(Decimal("0.01"))
    return f"{value} {currency.upper()}"


def mask_email(email: str) -> str:
    if not email or "@" not in email:
        return "***"
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"
