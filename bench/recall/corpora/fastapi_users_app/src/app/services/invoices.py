import hashlib
import hmac
import logging
import random
import uuid
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

from fastapi import HTTPException, status
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Customer, Invoice, InvoiceComment, InvoiceLine, Payment, User
from app.repositories.customers import CustomerRepository
from app.repositories.invoices import InvoiceFilter, InvoiceRepository
from app.schemas import CustomerCreate, InvoiceCreate

logger = logging.getLogger(__name__)

CENT = Decimal("0.01")
AVATAR_COLORS = ("#2563eb", "#16a34a", "#db2777", "#ea580c", "#7c3aed", "#0891b2", "#ca8a04")


def hash_access_password(password: str) -> str:
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def verify_access_password(password: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_access_password(password), stored_hash)


def compute_totals(lines: list[InvoiceLine]) -> tuple[Decimal, Decimal, Decimal]:
    subtotal = sum((line.quantity * line.unit_price for line in lines), Decimal("0"))
    tax = sum((line.quantity * line.unit_price * line.tax_rate / 100 for line in lines), Decimal("0"))
    subtotal = subtotal.quantize(CENT, rounding=ROUND_HALF_UP)
    tax = tax.quantize(CENT, rounding=ROUND_HALF_UP)
    return subtotal, tax, subtotal + tax


class InvoiceService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.invoices = InvoiceRepository(session)
        self.customers = CustomerRepository(session)

    async def list_for_user(
        self,
        user: User,
        filters: InvoiceFilter,
        *,
        sort: str,
        descending: bool,
        page: int,
        page_size: int = 25,
    ) -> tuple[list[Invoice], int]:
        ids, total = await self.invoices.search_ids(
            user.organization_id,
            filters,
            sort=sort,
            descending=descending,
            limit=page_size,
            offset=(page - 1) * page_size,
        )
        return await self.invoices.load_many(ids), total

    async def get_for_user(self, invoice_id: uuid.UUID, user: User) -> Invoice:
        invoice = await self.invoices.get(user.organization_id, invoice_id)
        if invoice is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "Invoice not found")
        return invoice

    async def create_customer(self, user: User, data: CustomerCreate) -> Customer:
        customer = Customer(
            organization_id=user.organization_id,
            name=data.name.strip(),
            email=str(data.email),
            address=data.address,
            vat_number=data.vat_number,
            avatar_color=random.choice(AVATAR_COLORS),
        )
        return await self.customers.add(customer)

    async def create(self, user: User, data: InvoiceCreate) -> Invoice:
        customer = await self.customers.get(user.organization_id, data.customer_id)
        if customer is None:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "Unknown customer")

        organization = user.organization
        lines = [
            InvoiceLine(
                position=position,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                tax_rate=line.tax_rate,
            )
            for position, line in enumerate(data.lines, start=1)
        ]
        subtotal, tax_total, total = compute_totals(lines)
        invoice = Invoice(
            organization_id=organization.id,
            customer_id=customer.id,
            number=await self.invoices.next_number(organization.id, organization.invoice_prefix, data.issued_on.year),
            issued_on=data.issued_on,
            due_on=data.due_on,
            currency=organization.currency,
            subtotal=subtotal,
            tax_total=tax_total,
            total=total,
            notes=data.notes,
            lines=lines,
        )
        if data.access_password:
            invoice.access_password_hash = hash_access_password(data.access_password)

        self.session.add(invoice)
        await self.session.commit()
        await self.session.refresh(invoice)
        logger.info("Invoice %s created by user %s", invoice.number, user.id)
        return invoice

    async def mark_sent(self, invoice: Invoice) -> Invoice:
        if invoice.status == "void":
            raise HTTPException(status.HTTP_409_CONFLICT, "Void invoices cannot be sent")
        if invoice.status == "draft":
            invoice.status = "sent"
        invoice.sent_at = datetime.now(timezone.utc)
        await self.session.commit()
        return invoice

    async def void(self, invoice: Invoice) -> Invoice:
        if invoice.status == "paid":
            raise HTTPException(status.HTTP_409_CONFLICT, "Paid invoices cannot be voided; issue a credit note")
        invoice.status = "void"
        await self.session.commit()
        return invoice

    async def mark_paid(self, invoice: Invoice) -> Invoice:
        invoice.status = "paid"
        invoice.paid_at = invoice.paid_at or datetime.now(timezone.utc)
        await self.session.commit()
        return invoice

    async def record_payment(
        self, invoice_id: uuid.UUID, provider_ref: str, amount: Decimal, currency: str, card_last4: str | None
    ) -> Invoice | None:
        invoice = await self.invoices.get_by_id(invoice_id)
        if invoice is None:
            return None
        self.session.add(
            Payment(
                invoice_id=invoice.id,
                provider_ref=provider_ref,
                amount=amount,
                currency=currency,
                card_last4=card_last4,
            )
        )
        if amount >= invoice.total:
            invoice.status = "paid"
            invoice.paid_at = datetime.now(timezone.utc)
        await self.session.commit()
        return invoice

    async def add_comment(self, invoice: Invoice, author_name: str, body: str) -> InvoiceComment:
        comment = InvoiceComment(
            invoice_id=invoice.id,
            author_name=author_name.strip()[:120],
            body=body.strip().replace("\r\n", "\n").replace("\n", "<br>\n"),
        )
        self.session.add(comment)
        await self.session.commit()
        return comment
