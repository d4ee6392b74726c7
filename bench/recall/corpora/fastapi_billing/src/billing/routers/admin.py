"""Server-rendered back-office pages for finance staff."""
import logging

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from billing.db import get_conn
from billing.limits import limiter
from billing.repositories.customers import CustomerRepository
from billing.repositories.invoices import InvoiceRepository
from billing.security.csrf import get_csrf_token, require_csrf
from billing.security.deps import get_admin_user
from billing.security.passwords import verify_staff_password
from billing.security.tokens import create_access_token
from billing.utils.html import customer_chip, money, status_badge

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/admin", tags=["admin"], include_in_schema=False)

templates = Jinja2Templates(directory="templates")
templates.env.globals.update(
    money=money,
    status_badge=status_badge,
    customer_chip=customer_chip,
    csrf_token=get_csrf_token,
)


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request):
    return templates.TemplateResponse(request, "admin/login.html", {"error": None})


@router.post("/login")
@limiter.limit("10/minute")
async def login_submit(
    request: Request,
    email: str = Form(...),
    password: str = Form(...),
    conn: AsyncConnection = Depends(get_conn),
    _csrf: None = Depends(require_csrf),
):
    row = (
        await conn.execute(
            text("SELECT id, tenant_id, email, password_hash, scopes FROM staff_users WHERE email = :e AND is_active"),
            {"e": email.lower()},
        )
    ).mappings().first()
    if row is None or not verify_staff_password(password, row["password_hash"]):
        logger.warning("failed admin login for %s from %s", email, request.client.host)
        return templates.TemplateResponse(
            request, "admin/login.html", {"error": "Invalid email or password"}, status_code=401
        )
    request.session["admin_user"] = {"id": row["id"], "tenant_id": row["tenant_id"], "email": row["email"]}
    response = RedirectResponse("/admin", status_code=status.HTTP_303_SEE_OTHER)
    api_token = create_access_token(str(row["id"]), row["tenant_id"], row["scopes"].split(","))
    response.set_cookie(
        "admin_api_token",
        api_token,
        max_age=1800,
        httponly=True,
        secure=True,
        samesite="strict",
    )
    return response


@router.get("", response_class=HTMLResponse)
async def dashboard(
    request: Request,
    user: dict = Depends(get_admin_user),
    conn: AsyncConnection = Depends(get_conn),
):
    invoices = await InvoiceRepository(conn).search(user["tenant_id"], status="overdue")
    customers = await CustomerRepository(conn).list(user["tenant_id"], sort="balance", descending=True)
    return templates.TemplateResponse(
        request,
        "admin/dashboard.html",
        {"user": user, "overdue": invoices, "customers": customers[:10]},
    )


@router.post("/reminders")
async def send_reminders(
    request: Request,
    user: dict = Depends(get_admin_user),
    conn: AsyncConnection = Depends(get_conn),
):
    await conn.execute(
        text(
            "INSERT INTO reminder_jobs (tenant_id, requested_by, created_at)"
            " VALUES (:tid, :uid, now())"
        ),
        {"tid": user["tenant_id"], "uid": user["id"]},
    )
    return RedirectResponse("/admin?queued=1", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/customers/{customer_id}", response_class=HTMLResponse)
async def edit_customer_form(
    request: Request,
    customer_id: int,
    user: dict = Depends(get_admin_user),
    conn: AsyncConnection = Depends(get_conn),
):
    customer = await CustomerRepository(conn).get(user["tenant_id"], customer_id)
    if customer is None:
        raise HTTPException(404)
    return templates.TemplateResponse(request, "admin/customer_form.html", {"customer": customer})


@router.post("/customers/{customer_id}")
async def edit_customer_submit(
    customer_id: int,
    name: str = Form(...),
    email: str = Form(...),
    vat_id: str = Form(""),
    address: str = Form(""),
    user: dict = Depends(get_admin_user),
    conn: AsyncConnection = Depends(get_conn),
):
    await CustomerRepository(conn).update(
        user["tenant_id"], customer_id, {"name": name, "email": email, "vat_id": vat_id, "address": address}
    )
    return RedirectResponse(f"/admin/customers/{customer_id}", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/invoices/{invoice_id}", response_class=HTMLResponse)
async def invoice_detail(
    request: Request,
    invoice_id: int,
    user: dict = Depends(get_admin_user),
    conn: AsyncConnection = Depends(get_conn),
):
    invoice = await InvoiceRepository(conn).get(user["tenant_id"], invoice_id)
    if invoice is None:
        raise HTTPException(404)
    customer = await CustomerRepository(conn).get(user["tenant_id"], invoice["customer_id"])
    return templates.TemplateResponse(
        request, "admin/invoice_detail.html", {"invoice": invoice, "customer": customer}
    )


@router.post("/invoices/{invoice_id}/void")
async def void_invoice(
    invoice_id: int,
    user: dict = Depends(get_admin_user),
    _csrf: None = Depends(require_csrf),
    conn: AsyncConnection = Depends(get_conn),
):
    await InvoiceRepository(conn).set_status(user["tenant_id"], invoice_id, "void")
    logger.info("invoice %s voided by staff user %s", invoice_id, user["id"])
    return RedirectResponse(f"/admin/invoices/{invoice_id}", status_code=status.HTTP_303_SEE_OTHER)
