"""HTML invoices. Rendered outside the request cycle too (monthly export), so
they use their own Jinja environment instead of Flask's."""
from datetime import date

from jinja2 import Environment, PackageLoader

from ..templating import format_cents

_env = Environment(loader=PackageLoader("shop", "templates/invoices"))
_env.filters["money"] = format_cents


def render_invoice(order, items, seller):
    template = _env.get_template("invoice.html")
    return template.render(order=order, items=items, seller=seller, issued_on=date.today())
