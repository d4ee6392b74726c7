from typing import Literal
from uuid import UUID

from dependency_injector.wiring import Provide, inject
from fastapi import APIRouter, Depends, Query, status

from invoicing.api.deps import Principal, require_scope
from invoicing.api.schemas import InvoiceIn, InvoiceOut, RevenueBucket, ShareLinkOut
from invoicing.containers import Container
from invoicing.services.invoices import InvoiceService

router = APIRouter(prefix="/invoices", tags=["invoices"])
reports_router = APIRouter(prefix="/reports", tags=["reports"])


@router.get("", response_model=list[InvoiceOut])
@inject
async def list_invoices(
    status_filter: Literal["draft", "open", "paid", "void"] | None = Query(default=None, alias="status"),
    sort: str = Query(default="issued_at"),
    direction: Literal["asc", "desc"] = "desc",
    page: int = Query(default=1, ge=1),
    per_page: int = Query(default=50, ge=1, le=200),
    principal: Principal = Depends(require_scope("invoices:read")),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
) -> list[dict]:
    return await invoices.list_page(principal.tenant_id, status_filter, sort, direction, page, per_page)


@router.post("", response_model=InvoiceOut, status_code=status.HTTP_201_CREATED)
@inject
async def create_invoice(
    body: InvoiceIn,
    principal: Principal = Depends(require_scope("invoices:write")),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
) -> dict:
    data = body.model_dump()
    data["lines"] = [line.model_dump() for line in body.lines]
    return await invoices.create(principal.tenant_id, principal.actor, data)


@router.get("/{invoice_id}", response_model=InvoiceOut)
@inject
async def get_invoice(
    invoice_id: UUID,
    principal: Principal = Depends(require_scope("invoices:read")),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
) -> dict:
    return await invoices.get(principal.tenant_id, invoice_id)


@router.post("/{invoice_id}/issue", response_model=InvoiceOut)
@inject
async def issue_invoice(
    invoice_id: UUID,
    principal: Principal = Depends(require_scope("invoices:write")),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
) -> dict:
    return await invoices.issue(principal.tenant_id, principal.actor, invoice_id)


@router.post("/{invoice_id}/share-link", response_model=ShareLinkOut)
@inject
async def create_share_link(
    invoice_id: UUID,
    principal: Principal = Depends(require_scope("invoices:read")),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
) -> ShareLinkOut:
    return ShareLinkOut(url=await invoices.share_link(principal.tenant_id, invoice_id))


@reports_router.get("/revenue", response_model=list[RevenueBucket])
@inject
async def revenue_report(
    period: str = Query(default="month", description="day, week, month or quarter"),
    months: int = Query(default=12, ge=1, le=60),
    principal: Principal = Depends(require_scope("invoices:read")),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
) -> list[dict]:
    return await invoices.revenue_report(principal.tenant_id, period, months)


@reports_router.get("/aging")
@inject
async def aging_report(
    principal: Principal = Depends(require_scope("invoices:read")),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
) -> list[dict]:
    return await invoices.aging_report(principal.tenant_id)
