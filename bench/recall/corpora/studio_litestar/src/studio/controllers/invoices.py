"""Invoices for staff: listing, creation, sending and revenue reporting."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Literal
from uuid import UUID

from litestar import Controller, Request, get, post
from litestar.di import Provide
from litestar.dto import DTOData
from litestar.params import Parameter
from litestar.security.jwt import Token

from studio.config.settings import get_settings
from studio.db.models import Invoice, User
from studio.dependencies import provide_invoice_service, provide_mailer
from studio.schemas import InvoiceWriteDTO, RevenueRow
from studio.security.guards import requires_owner, requires_staff
from studio.services.billing import InvoiceService
from studio.services.mailer import Mailer


class InvoiceController(Controller):
    path = "/invoices"
    tags = ["invoices"]
    guards = [requires_staff]
    dependencies = {
        "invoice_service": Provide(provide_invoice_service),
        "mailer": Provide(provide_mailer, sync_to_thread=False),
    }

    @get("/")
    async def list_invoices(
        self,
        request: Request[User, Token, Any],
        invoice_service: InvoiceService,
        status: Literal["draft", "sent", "paid", "overdue", "void"] | None = None,
        sort: str = "issued",
        order: Literal["asc", "desc"] = "desc",
        limit: int = Parameter(default=50, le=200),
        offset: int = Parameter(default=0, ge=0),
    ) -> list[dict[str, Any]]:
        return await invoice_service.listing(
            request.user.studio_id, status, sort=sort, descending=order == "desc", limit=limit, offset=offset
        )

    @post("/", dto=InvoiceWriteDTO, return_dto=None)
    async def create_invoice(
        self, request: Request[User, Token, Any], invoice_service: InvoiceService, data: DTOData[Invoice]
    ) -> dict[str, str]:
        number = await invoice_service.next_number(request.user.studio_id, datetime.now(tz=UTC).year)
        invoice = await invoice_service.create(
            data.create_instance(studio_id=request.user.studio_id, number=number), auto_commit=True
        )
        return {"id": str(invoice.id), "number": invoice.number}

    @post("/{invoice_id:uuid}/send")
    async def send_invoice(
        self,
        request: Request[User, Token, Any],
        invoice_service: InvoiceService,
        mailer: Mailer,
        invoice_id: UUID,
    ) -> dict[str, str]:
        invoice = await invoice_service.get_one(id=invoice_id, studio_id=request.user.studio_id)
        invoice = await invoice_service.issue(invoice, mailer, portal_url=f"{get_settings().app.base_url}/portal")
        return {"id": str(invoice.id), "status": invoice.status.value}

    @get("/revenue", guards=[requires_owner])
    async def revenue(
        self, request: Request[User, Token, Any], invoice_service: InvoiceService, since: date
    ) -> list[RevenueRow]:
        rows = await invoice_service.revenue(request.user.studio_id, since)
        return [RevenueRow(**row) for row in rows]
