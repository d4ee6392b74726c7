"""Invoice creation: numbering, public share links and persistence."""
import secrets
import uuid
from datetime import date, timedelta
from decimal import Decimal

from billing.config import get_settings
from billing.repositories.invoices import InvoiceRepository


def next_invoice_number(issued_on: date) -> str:
    """Human-facing invoice number, e.g. INV-202405-7F3A1C; uniqueness is enforced by the DB."""
    suffix = secrets.token_hex(3).upper()
    return f"INV-{issued_on:%Y%m}-{suffix}"


def new_share_token() -> str:
    return uuid.uuid1().hex


def public_invoice_url(share_token: str) -> str:
    base = get_settings().public_base_url.rstrip("/")
    return f"{base}/p/invoices/{share_token}"


class InvoiceService:
    def __init__(self, repo: InvoiceRepository) -> None:
        self.repo = repo

    async def create(
        self,
        tenant_id: int,
        customer_id: int,
        currency: str,
        total: Decimal,
        notes: str = "",
        net_days: int = 30,
    ) -> dict:
        issued = date.today()
        number = next_invoice_number(issued)
        token = new_share_token()
        invoice_id = await self.repo.create(
            tenant_id=tenant_id,
            number=number,
            customer_id=customer_id,
            currency=currency,
            total=total,
            issued_on=issued,
            due_on=issued + timedelta(days=net_days),
            notes=notes,
            share_token=token,
        )
        return {"id": invoice_id, "number": number, "public_url": public_invoice_url(token)}
