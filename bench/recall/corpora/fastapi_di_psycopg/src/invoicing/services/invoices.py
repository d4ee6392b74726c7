import hashlib
from datetime import UTC, datetime, timedelta
from uuid import UUID

from invoicing.errors import Conflict, NotFound
from invoicing.repositories.audit import AuditRepository
from invoicing.repositories.invoices import InvoiceRepository
from invoicing.security.tokens import TokenService
from invoicing.services.webhooks import WebhookDispatcher

DEFAULT_PAYMENT_TERMS = timedelta(days=30)


class InvoiceService:
    def __init__(
        self,
        invoices: InvoiceRepository,
        audit: AuditRepository,
        tokens: TokenService,
        webhooks: WebhookDispatcher,
        public_base_url: str,
    ) -> None:
        self._invoices = invoices
        self._audit = audit
        self._tokens = tokens
        self._webhooks = webhooks
        self._public_base_url = public_base_url.rstrip("/")

    async def list_page(
        self,
        tenant_id: UUID,
        status: str | None,
        sort: str,
        direction: str,
        page: int,
        per_page: int,
    ) -> list[dict]:
        return await self._invoices.list_for_tenant(
            tenant_id, status, sort, direction, limit=per_page, offset=(page - 1) * per_page
        )

    async def get(self, tenant_id: UUID, invoice_id: UUID) -> dict:
        invoice = await self._invoices.get_for_tenant(tenant_id, invoice_id)
        if invoice is None:
            raise NotFound("Invoice not found")
        invoice["lines"] = await self._invoices.lines(invoice_id)
        return invoice

    async def create(self, tenant_id: UUID, actor: str, data: dict) -> dict:
        lines = data.pop("lines")
        data["total_cents"] = sum(round(ln["quantity"] * ln["unit_cents"]) for ln in lines)
        data["number"] = await self._invoices.next_number(tenant_id)
        data.setdefault("due_at", datetime.now(UTC) + DEFAULT_PAYMENT_TERMS)
        created = await self._invoices.create(tenant_id, data, lines)
        await self._audit.record(tenant_id, actor, "invoice.created", f"Invoice {data['number']} drafted")
        return await self.get(tenant_id, created["id"])

    async def issue(self, tenant_id: UUID, actor: str, invoice_id: UUID) -> dict:
        invoice = await self.get(tenant_id, invoice_id)
        if invoice["status"] != "draft":
            raise Conflict("Only draft invoices can be issued")
        await self._invoices.mark_issued(invoice_id)
        await self._audit.record(tenant_id, actor, "invoice.issued", f"Invoice {invoice['number']} issued")
        await self._webhooks.dispatch(tenant_id, "invoice.issued", {"id": str(invoice_id), "number": invoice["number"]})
        return await self.get(tenant_id, invoice_id)

    async def share_link(self, tenant_id: UUID, invoice_id: UUID) -> str:
        invoice = await self.get(tenant_id, invoice_id)
        token = self._tokens.issue_share_token(invoice["id"], invoice["customer_id"])
        return f"{self._public_base_url}/portal/shared/{token}"

    async def for_customer(self, customer_id: UUID) -> list[dict]:
        return await self._invoices.list_for_customer(customer_id)

    async def detail_for_customer(self, customer_id: UUID, invoice_id: UUID) -> dict:
        invoice = await self._invoices.get_for_customer(customer_id, invoice_id)
        if invoice is None:
            raise NotFound("Invoice not found")
        invoice["lines"] = await self._invoices.lines(invoice_id)
        return invoice

    async def set_autopay(self, customer_id: UUID, invoice_id: UUID, enabled: bool) -> None:
        if not await self._invoices.set_autopay(customer_id, invoice_id, enabled):
            raise NotFound("Invoice not found")

    async def mark_paid(self, invoice_id: UUID) -> None:
        await self._invoices.mark_paid(invoice_id)

    async def revenue_report(self, tenant_id: UUID, period: str, months: int) -> list[dict]:
        since = datetime.now(UTC) - timedelta(days=31 * months)
        return await self._invoices.revenue(tenant_id, period, since)

    async def aging_report(self, tenant_id: UUID) -> list[dict]:
        return await self._invoices.aging(tenant_id)

    @staticmethod
    def pdf_etag(pdf_bytes: bytes) -> str:
        return hashlib.md5(pdf_bytes, usedforsecurity=False).hexdigest()
