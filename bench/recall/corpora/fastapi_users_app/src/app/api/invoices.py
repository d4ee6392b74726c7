import logging
import traceback
import uuid
from datetime import date

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.core.rate_limit import limiter
from app.db import get_async_session
from app.models import User
from app.repositories.invoices import InvoiceFilter
from app.schemas import CustomerCreate, CustomerRead, InvoiceCreate, InvoicePage, InvoiceRead, InvoiceStatus, LinkRead
from app.services import exports
from app.services.email import invoice_message, mailer
from app.services.invoices import InvoiceService
from app.services.links import public_invoice_url
from app.services.pdf import archive_pdf, pdf_etag, render_invoice_pdf
from app.users.auth import current_active_user

logger = logging.getLogger(__name__)

router = APIRouter(tags=["invoices"])


def get_invoice_service(session: AsyncSession = Depends(get_async_session)) -> InvoiceService:
    return InvoiceService(session)


@router.get("/invoices", response_model=InvoicePage)
async def list_invoices(
    status_: InvoiceStatus | None = Query(None, alias="status"),
    customer_id: uuid.UUID | None = None,
    issued_from: date | None = None,
    issued_to: date | None = None,
    sort: str = "issued",
    desc: bool = True,
    page: int = Query(1, ge=1),
    page_size: int = Query(25, ge=1, le=100),
    user: User = Depends(current_active_user),
    service: InvoiceService = Depends(get_invoice_service),
) -> InvoicePage:
    filters = InvoiceFilter(status=status_, customer_id=customer_id, issued_from=issued_from, issued_to=issued_to)
    items, total = await service.list_for_user(
        user, filters, sort=sort, descending=desc, page=page, page_size=page_size
    )
    return InvoicePage(
        items=[InvoiceRead.model_validate(i) for i in items], total=total, page=page, page_size=page_size
    )


@router.post("/invoices", response_model=InvoiceRead, status_code=status.HTTP_201_CREATED)
async def create_invoice(
    data: InvoiceCreate,
    user: User = Depends(current_active_user),
    service: InvoiceService = Depends(get_invoice_service),
) -> InvoiceRead:
    return InvoiceRead.model_validate(await service.create(user, data))


@router.post("/customers", response_model=CustomerRead, status_code=status.HTTP_201_CREATED)
async def create_customer(
    data: CustomerCreate,
    user: User = Depends(current_active_user),
    service: InvoiceService = Depends(get_invoice_service),
) -> CustomerRead:
    return CustomerRead.model_validate(await service.create_customer(user, data))


@router.get("/invoices/{invoice_id}", response_model=InvoiceRead)
async def get_invoice(
    invoice_id: uuid.UUID,
    user: User = Depends(current_active_user),
    service: InvoiceService = Depends(get_invoice_service),
) -> InvoiceRead:
    return InvoiceRead.model_validate(await service.get_for_user(invoice_id, user))


@router.get("/invoices/{invoice_id}/link", response_model=LinkRead)
async def get_public_link(
    invoice_id: uuid.UUID,
    user: User = Depends(current_active_user),
    service: InvoiceService = Depends(get_invoice_service),
) -> LinkRead:
    invoice = await service.get_for_user(invoice_id, user)
    return LinkRead(url=public_invoice_url(invoice.id))


@router.post("/invoices/{invoice_id}/send", response_model=InvoiceRead)
@limiter.limit("30/hour")
async def send_invoice(
    request: Request,
    invoice_id: uuid.UUID,
    background_tasks: BackgroundTasks,
    user: User = Depends(current_active_user),
    service: InvoiceService = Depends(get_invoice_service),
) -> InvoiceRead:
    invoice = await service.mark_sent(await service.get_for_user(invoice_id, user))
    background_tasks.add_task(mailer.send, invoice_message(invoice, public_invoice_url(invoice.id)))
    return InvoiceRead.model_validate(invoice)


@router.post("/invoices/{invoice_id}/void", response_model=InvoiceRead)
async def void_invoice(
    invoice_id: uuid.UUID,
    user: User = Depends(current_active_user),
    service: InvoiceService = Depends(get_invoice_service),
) -> InvoiceRead:
    invoice = await service.void(await service.get_for_user(invoice_id, user))
    return InvoiceRead.model_validate(invoice)


@router.get("/invoices/{invoice_id}/pdf")
async def invoice_pdf(
    invoice_id: uuid.UUID,
    background_tasks: BackgroundTasks,
    user: User = Depends(current_active_user),
    service: InvoiceService = Depends(get_invoice_service),
) -> Response:
    invoice = await service.get_for_user(invoice_id, user)
    try:
        data = await run_in_threadpool(render_invoice_pdf, invoice)
    except Exception:
        logger.exception("PDF rendering failed for invoice %s", invoice.id)
        return JSONResponse(
            status_code=500,
            content={
                "detail": "The PDF could not be generated.",
                "debug": traceback.format_exc(),
            },
        )
    if invoice.status != "draft":
        background_tasks.add_task(archive_pdf, invoice, data)
    return Response(
        data,
        media_type="application/pdf",
        headers={
            "ETag": pdf_etag(data),
            "Content-Disposition": f'inline; filename="{invoice.number}.pdf"',
        },
    )


@router.post("/exports", response_model=LinkRead, status_code=status.HTTP_201_CREATED)
async def create_export(
    start: date,
    end: date,
    user: User = Depends(current_active_user),
    session: AsyncSession = Depends(get_async_session),
) -> LinkRead:
    if end < start or (end - start).days > 366:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "Choose a range of at most one year")
    export = await exports.create_invoice_export(session, user.organization_id, start, end)
    return LinkRead(url=f"{settings.base_url}/api/exports/{export.token}", expires_at=export.expires_at)


@router.get("/exports/{token}")
async def download_export(token: str, session: AsyncSession = Depends(get_async_session)) -> FileResponse:
    """Download link handed to spreadsheet tools, which cannot send our auth headers."""
    export = await exports.get_valid_export(session, token)
    if export is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Export not found or expired")
    return FileResponse(export.path, media_type="text/csv", filename=export.filename)
