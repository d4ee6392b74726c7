from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from app.db import SessionDep
from app.deps import CurrentUser
from app.models import Booking, Space
from app.repositories import bookings as bookings_repo
from app.schemas import InvoiceUpdate
from app.templating import templates

router = APIRouter(prefix="/invoices", tags=["invoices"])


@router.get("/{invoice_id}", response_class=HTMLResponse)
async def invoice_page(invoice_id: int, request: Request, user: CurrentUser, session: SessionDep):
    invoice = await bookings_repo.get_invoice_for_user(session, invoice_id, user.id)
    if invoice is None:
        raise HTTPException(status_code=404)
    booking = await session.get(Booking, invoice.booking_id)
    space = await session.get(Space, booking.space_id)
    return templates.TemplateResponse(
        request,
        "invoice.html",
        {"invoice": invoice, "booking": booking, "space": space, "member": user},
    )


@router.patch("/{invoice_id}", status_code=204)
async def update_invoice(invoice_id: int, body: InvoiceUpdate, user: CurrentUser, session: SessionDep) -> None:
    invoice = await bookings_repo.get_invoice_for_user(session, invoice_id, user.id)
    if invoice is None:
        raise HTTPException(status_code=404)
    if invoice.paid_at is not None:
        raise HTTPException(status_code=409, detail="Paid invoices cannot be changed")
    for field, value in body.model_dump(exclude_unset=True).items():
        setattr(invoice, field, value)
    session.add(invoice)
    await session.commit()
