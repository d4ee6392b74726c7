"""Pages reachable without an account: the customer's invoice view and the accountant portal."""
import uuid

from fastapi import APIRouter, BackgroundTasks, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.rate_limit import limiter
from app.db import get_async_session
from app.models import Invoice
from app.repositories.invoices import InvoiceFilter, InvoiceRepository
from app.services.email import invoice_message, mailer
from app.services.invoices import InvoiceService, verify_access_password
from app.services.links import check_unlock, load_invoice_token, read_accountant_token, sign_unlock
from app.web.templating import render

router = APIRouter(tags=["public"], include_in_schema=False)

UNLOCK_COOKIE_PREFIX = "inv_unlock_"


async def invoice_from_link(token: str, session: AsyncSession = Depends(get_async_session)) -> Invoice:
    invoice_id = load_invoice_token(token)
    invoice = await InvoiceRepository(session).get_by_id(invoice_id) if invoice_id else None
    if invoice is None or invoice.status == "draft":
        raise HTTPException(status.HTTP_404_NOT_FOUND, "This link is invalid or has expired")
    return invoice


def _unlock_cookie(invoice_id: uuid.UUID) -> str:
    return UNLOCK_COOKIE_PREFIX + invoice_id.hex[:16]


def _is_unlocked(request: Request, invoice: Invoice) -> bool:
    if not invoice.access_password_hash:
        return True
    return check_unlock(request.cookies.get(_unlock_cookie(invoice.id)), invoice.id)


@router.get("/p/{token}")
async def public_invoice(request: Request, token: str, invoice: Invoice = Depends(invoice_from_link)) -> Response:
    if not _is_unlocked(request, invoice):
        return render(request, "public/invoice.html", {"locked": True, "token": token, "invoice": invoice})
    return render(request, "public/invoice.html", {"locked": False, "token": token, "invoice": invoice})


@router.post("/p/{token}/unlock")
@limiter.limit("5/minute")
async def unlock_invoice(
    request: Request,
    token: str,
    password: str = Form(...),
    invoice: Invoice = Depends(invoice_from_link),
) -> Response:
    if not invoice.access_password_hash or not verify_access_password(password, invoice.access_password_hash):
        return render(
            request,
            "public/invoice.html",
            {"locked": True, "token": token, "invoice": invoice, "error": "That password is not correct."},
            status_code=403,
        )
    response = RedirectResponse(f"/p/{token}", status_code=303)
    response.set_cookie(
        _unlock_cookie(invoice.id),
        sign_unlock(invoice.id),
        max_age=60 * 60,
        path="/p/",
        secure=True,
        httponly=True,
        samesite="lax",
    )
    return response


@router.post("/p/{token}/comments")
@limiter.limit("10/hour")
async def add_comment(
    request: Request,
    token: str,
    author_name: str = Form(..., min_length=1, max_length=120),
    body: str = Form(..., min_length=1, max_length=4000),
    invoice: Invoice = Depends(invoice_from_link),
    session: AsyncSession = Depends(get_async_session),
) -> Response:
    if not _is_unlocked(request, invoice):
        raise HTTPException(status.HTTP_403_FORBIDDEN)
    await InvoiceService(session).add_comment(invoice, author_name, body)
    return RedirectResponse(f"/p/{token}#comments", status_code=303)


@router.post("/p/{token}/email-copy", response_class=HTMLResponse)
async def email_copy(
    request: Request,
    token: str,
    background_tasks: BackgroundTasks,
    invoice: Invoice = Depends(invoice_from_link),
) -> HTMLResponse:
    background_tasks.add_task(mailer.send, invoice_message(invoice, str(request.url_for("public_invoice", token=token))))
    return HTMLResponse('<p class="notice">A copy is on its way to the address on file.</p>')


@router.get("/accountant/{token}")
async def accountant_portal(
    request: Request,
    token: str,
    status_filter: str | None = None,
    page: int = 1,
    session: AsyncSession = Depends(get_async_session),
) -> Response:
    claims = read_accountant_token(token)
    if claims is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "This link is invalid")
    repo = InvoiceRepository(session)
    ids, total = await repo.search_ids(
        uuid.UUID(claims["org"]),
        InvoiceFilter(status=status_filter),
        sort="issued",
        descending=True,
        limit=50,
        offset=(max(page, 1) - 1) * 50,
    )
    return render(
        request,
        "invoices/list.html",
        {"invoices": await repo.load_many(ids), "total": total, "page": page, "readonly": True},
    )
