"""Invoice API used by the SPA and by integrations."""
from datetime import date
from decimal import Decimal
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncConnection

from billing.db import get_conn
from billing.repositories.invoices import InvoiceRepository
from billing.security.deps import Principal, get_current_principal, require_scope
from billing.services.invoicing import InvoiceService

router = APIRouter(prefix="/api/invoices", tags=["invoices"])


class InvoiceIn(BaseModel):
    customer_id: int
    currency: str = Field(default="EUR", min_length=3, max_length=3)
    total: Decimal = Field(gt=0)
    notes: str = ""
    net_days: int = Field(default=30, ge=0, le=120)


def get_repo(conn: AsyncConnection = Depends(get_conn)) -> InvoiceRepository:
    return InvoiceRepository(conn)


@router.get("")
async def search_invoices(
    q: str | None = Query(default=None, max_length=100),
    status: str | None = None,
    issued_after: date | None = None,
    principal: Principal = Depends(get_current_principal),
    repo: InvoiceRepository = Depends(get_repo),
) -> list[dict]:
    return await repo.search(principal.tenant_id, term=q, status=status, issued_after=issued_after)


@router.get("/by-customer/{customer_id}")
async def invoices_for_customer(
    customer_id: int,
    sort: str = "issued_on",
    order: Literal["asc", "desc"] = "desc",
    principal: Principal = Depends(get_current_principal),
    repo: InvoiceRepository = Depends(get_repo),
) -> list[dict]:
    return await repo.list_for_customer(principal.tenant_id, customer_id, order_by=sort, direction=order)


@router.get("/{invoice_id}")
async def get_invoice(
    invoice_id: int,
    principal: Principal = Depends(get_current_principal),
    repo: InvoiceRepository = Depends(get_repo),
) -> dict:
    invoice = await repo.get(principal.tenant_id, invoice_id)
    if invoice is None:
        raise HTTPException(404, "invoice not found")
    return invoice


@router.post("", status_code=201)
async def create_invoice(
    body: InvoiceIn,
    principal: Principal = Depends(require_scope("invoices:write")),
    repo: InvoiceRepository = Depends(get_repo),
) -> dict:
    service = InvoiceService(repo)
    return await service.create(
        tenant_id=principal.tenant_id,
        customer_id=body.customer_id,
        currency=body.currency.upper(),
        total=body.total,
        notes=body.notes,
        net_days=body.net_days,
    )
