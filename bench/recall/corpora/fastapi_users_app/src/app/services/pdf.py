import hashlib
import logging
from pathlib import Path

import boto3
from jinja2 import Environment, FileSystemLoader, select_autoescape
from weasyprint import HTML

from app.core.config import settings
from app.models import Invoice
from app.web.templating import money, nl2br

logger = logging.getLogger(__name__)

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"

_env = Environment(loader=FileSystemLoader(TEMPLATE_DIR), autoescape=select_autoescape(["html", "xml"]))
_env.filters["money"] = money
_env.filters["nl2br"] = nl2br


def render_invoice_html(invoice: Invoice, *, preview: bool = False) -> str:
    return _env.get_template("pdf/invoice.html").render(invoice=invoice, preview=preview)


def render_invoice_pdf(invoice: Invoice) -> bytes:
    html = render_invoice_html(invoice)
    return HTML(string=html, base_url=str(TEMPLATE_DIR)).write_pdf()


def pdf_etag(data: bytes) -> str:
    return '"' + hashlib.md5(data, usedforsecurity=False).hexdigest() + '"'


def archive_pdf(invoice: Invoice, data: bytes) -> None:
    """Keep a copy of every PDF we hand out (retention requirement for sent invoices)."""
    if not settings.pdf_bucket:
        target = Path(settings.pdf_storage_dir) / str(invoice.organization_id) / f"{invoice.number}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return
    boto3.client("s3").put_object(
        Bucket=settings.pdf_bucket,
        Key=f"{invoice.organization_id}/{invoice.number}.pdf",
        Body=data,
        ContentType="application/pdf",
        ServerSideEncryption="AES256",
    )
    logger.info("Archived %s for organization %s", invoice.number, invoice.organization_id)
