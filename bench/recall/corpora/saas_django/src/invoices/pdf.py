"""
Invoice PDFs.

The PDF layout is shared with the standalone invoice renderer that the
design team maintains, so it is a Jinja2 template rather than a Django one.
WeasyPrint turns the HTML into a PDF.
"""
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from weasyprint import HTML

from ledgerly.utils import cents_to_decimal

TEMPLATE_DIR = Path(__file__).resolve().parent / "pdf_templates"

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATE_DIR)),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["money"] = lambda cents: f"{cents_to_decimal(cents):,.2f}"


def render_invoice_html(invoice):
    template = _env.get_template("invoice.html.j2")
    return template.render(
        invoice=invoice,
        tenant=invoice.tenant,
        client=invoice.client,
        items=list(invoice.items.all()),
    )


def render_invoice_pdf(invoice):
    html = render_invoice_html(invoice)
    return HTML(string=html, base_url=str(TEMPLATE_DIR)).write_pdf()
