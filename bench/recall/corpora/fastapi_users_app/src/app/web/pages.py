import uuid
from datetime import date, timedelta
from decimal import Decimal

from fastapi import APIRouter, BackgroundTasks, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import escape
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.rate_limit import limiter
from app.db import get_async_session
from app.models import Invoice, InvoiceLine, User
from app.repositories.customers import CustomerRepository
from app.repositories.invoices import InvoiceFilter
from app.schemas import InvoiceCreate, InvoiceLineIn
from app.services.email import invoice_message, mailer
from app.services.invoices import InvoiceService, compute_totals
from app.services.links import public_invoice_url
from app.services.pdf import render_invoice_html
from app.users.auth import current_web_user, optional_web_user
from app.web.csrf import csrf_exempt
from app.web.templating import render, templates

router = APIRouter(tags=["web"], include_in_schema=False)


class LoginRequired(Exception):
    """Raised by page_user; app.main turns it into a redirect to /login."""


async def page_user(user: User | None = Depends(optional_web_user)) -> User:
    if user is None:
        raise LoginRequired()
    return user


def fragments():
    return templates.get_template("partials/fragments.html").module


@router.get("/login")
async def login_page(request: Request, user: User | None = Depends(optional_web_user)) -> Response:
    if user is not None:
        return RedirectResponse("/invoices", status_code=303)
    return render(request, "login.html", {"mode": "login"})


@router.get("/register")
async def register_page(request: Request, invite: str | None = None) -> Response:
    return render(request, "login.html", {"mode": "register", "invite": invite})


@router.get("/")
async def home(user: User = Depends(page_user)) -> Response:
    return RedirectResponse("/invoices", status_code=303)


@router.get("/invoices")
async def invoice_list(
    request: Request,
    status: str | None = None,
    sort: str = "issued",
    desc: bool = True,
    page: int = Query(1, ge=1),
    user: User = Depends(page_user),
    session: AsyncSession = Depends(get_async_session),
) -> Response:
    invoices, total = await InvoiceService(session).list_for_user(
        user, InvoiceFilter(status=status), sort=sort, descending=desc, page=page
    )
    return render(
        request,
        "invoices/list.html",
        {"user": user, "invoices": invoices, "total": total, "page": page, "status": status, "sort": sort},
    )


@router.get("/invoices/rows", response_class=HTMLResponse)
async def invoice_rows(
    q: str = "",
    status: str | None = None,
    user: User = Depends(current_web_user),
    session: AsyncSession = Depends(get_async_session),
) -> HTMLResponse:
    q = q.strip()
    invoices, _ = await InvoiceService(session).list_for_user(
        user, InvoiceFilter(status=status, number_prefix=q or None), sort="issued", descending=True, page=1
    )
    if not invoices:
        return HTMLResponse(f'<tr><td colspan="6" class="empty">No invoices match &ldquo;{escape(q)}&rdquo;</td></tr>')
    return HTMLResponse(fragments().invoice_rows(invoices))


@router.get("/customers/search", response_class=HTMLResponse)
async def customer_picker(
    q: str = "",
    user: User = Depends(current_web_user),
    session: AsyncSession = Depends(get_async_session),
) -> HTMLResponse:
    term = q.strip()
    if len(term) < 2:
        return HTMLResponse("")
    customers = await CustomerRepository(session).search(user.organization_id, term)
    if not customers:
        return HTMLResponse(f'<li class="picker-empty">No customers match <b>{term}</b> &mdash; add a new one?</li>')
    return HTMLResponse(fragments().customer_options(customers))


def _invoice_form(
    customer_id: uuid.UUID = Form(...),
    issued_on: date = Form(...),
    due_on: date | None = Form(None),
    notes: str | None = Form(None),
    description: list[str] = Form(...),
    quantity: list[Decimal] = Form(...),
    unit_price: list[Decimal] = Form(...),
    tax_rate: list[Decimal] = Form(...),
    access_password: str | None = Form(None),
) -> InvoiceCreate | list[str]:
    try:
        return InvoiceCreate(
            customer_id=customer_id,
            issued_on=issued_on,
            due_on=due_on or issued_on + timedelta(days=14),
            notes=notes or None,
            access_password=access_password or None,
            lines=[
                InvoiceLineIn(description=d, quantity=qty, unit_price=price, tax_rate=rate)
                for d, qty, price, rate in zip(description, quantity, unit_price, tax_rate)
                if d.strip()
            ],
        )
    except ValidationError as exc:
        return [f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in exc.errors()]


@router.post("/invoices")
async def create_invoice(
    request: Request,
    form: InvoiceCreate | list[str] = Depends(_invoice_form),
    user: User = Depends(page_user),
    session: AsyncSession = Depends(get_async_session),
) -> Response:
    if isinstance(form, list):
        return render(request, "invoices/list.html", {"user": user, "invoices": [], "errors": form}, status_code=422)
    invoice = await InvoiceService(session).create(user, form)
    return RedirectResponse(f"/invoices/{invoice.id}", status_code=303)


@router.post("/invoices/preview", response_class=HTMLResponse)
@csrf_exempt
async def preview_invoice(
    form: InvoiceCreate | list[str] = Depends(_invoice_form),
    user: User = Depends(current_web_user),
    session: AsyncSession = Depends(get_async_session),
) -> HTMLResponse:
    """Render the PDF layout for the form as it is; nothing is stored."""
    if isinstance(form, list):
        return HTMLResponse(fragments().form_errors(form), status_code=422)
    customer = await CustomerRepository(session).get(user.organization_id, form.customer_id)
    lines = [InvoiceLine(position=i, **line.model_dump()) for i, line in enumerate(form.lines, start=1)]
    subtotal, tax_total, total = compute_totals(lines)
    draft = Invoice(
        number="PREVIEW",
        status="draft",
        issued_on=form.issued_on,
        due_on=form.due_on,
        currency=user.organization.currency,
        subtotal=subtotal,
        tax_total=tax_total,
        total=total,
        notes=form.notes,
        lines=lines,
    )
    draft.organization = user.organization
    draft.customer = customer
    return HTMLResponse(render_invoice_html(draft, preview=True))


@router.get("/invoices/{invoice_id}")
async def invoice_detail(
    request: Request,
    invoice_id: uuid.UUID,
    user: User = Depends(page_user),
    session: AsyncSession = Depends(get_async_session),
) -> Response:
    invoice = await InvoiceService(session).get_for_user(invoice_id, user)
    return render(
        request,
        "invoices/detail.html",
        {"user": user, "invoice": invoice, "public_url": public_invoice_url(invoice.id)},
    )


@router.post("/invoices/{invoice_id}/send", response_class=HTMLResponse)
@csrf_exempt  # posted from the e-mail preview dialog, which is served from a cached fragment
@limiter.limit("30/hour")
async def send_invoice(
    request: Request,
    invoice_id: uuid.UUID,
    background_tasks: BackgroundTasks,
    user: User = Depends(current_web_user),
    session: AsyncSession = Depends(get_async_session),
) -> HTMLResponse:
    service = InvoiceService(session)
    invoice = await service.get_for_user(invoice_id, user)
    await service.mark_sent(invoice)
    background_tasks.add_task(mailer.send, invoice_message(invoice, public_invoice_url(invoice.id)))
    return HTMLResponse(fragments().status_badge(invoice.status))


@router.post("/invoices/{invoice_id}/mark-paid", response_class=HTMLResponse)
async def mark_paid(
    invoice_id: uuid.UUID,
    user: User = Depends(current_web_user),
    session: AsyncSession = Depends(get_async_session),
) -> HTMLResponse:
    service = InvoiceService(session)
    invoice = await service.mark_paid(await service.get_for_user(invoice_id, user))
    return HTMLResponse(fragments().status_badge(invoice.status))
