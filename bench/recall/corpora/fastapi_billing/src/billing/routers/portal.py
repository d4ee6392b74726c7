"""Customer-facing portal: public invoice links, sign-up, login and password reset."""
import html

from fastapi import APIRouter, Depends, Form, HTTPException, Request, Response, status
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, EmailStr, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from billing.db import get_conn
from billing.limits import limiter
from billing.repositories.customers import PortalAccountRepository
from billing.repositories.invoices import InvoiceRepository
from billing.security.deps import Principal, get_current_principal
from billing.security.passwords import hash_portal_password, verify_portal_password
from billing.security.tokens import create_access_token
from billing.services.mailer import Mailer
from billing.services.password_reset import PasswordResetService
from billing.utils.html import money, status_badge

router = APIRouter(prefix="/p", tags=["portal"])
templates = Jinja2Templates(directory="templates")
templates.env.globals.update(money=money, status_badge=status_badge)


class RegisterIn(BaseModel):
    invite_code: str
    email: EmailStr
    password: str = Field(min_length=10)


class PasswordChangeIn(BaseModel):
    current_password: str
    new_password: str = Field(min_length=10)
    confirm_password: str


@router.get("/invoices/{share_token}", response_class=HTMLResponse)
async def public_invoice(request: Request, share_token: str, conn: AsyncConnection = Depends(get_conn)):
    invoice = await InvoiceRepository(conn).get_by_share_token(share_token)
    if invoice is None:
        return HTMLResponse(
            "<h1>Invoice not found</h1><p>The link <code>%s</code> is invalid or has expired.</p>"
            % html.escape(share_token),
            status_code=404,
        )
    return templates.TemplateResponse(request, "portal/invoice.html", {"invoice": invoice})


@router.get("/lookup", response_class=HTMLResponse)
async def lookup_invoice(number: str = "", conn: AsyncConnection = Depends(get_conn)) -> HTMLResponse:
    result = await conn.execute(
        text("SELECT 1 FROM invoices WHERE number = :n AND status <> 'void'"),
        {"n": number.strip()},
    )
    if result.scalar_one_or_none():
        return HTMLResponse(status_code=303, headers={"Location": "/p/signin?next=/p/account/invoices"})
    page = "<html><body><h2>Invoice lookup</h2>"
    page += f"<p>We could not find an invoice numbered <b>{number}</b>.</p>"
    page += '<p><a href="/p">Back to the portal</a></p></body></html>'
    return HTMLResponse(content=page, status_code=404)


@router.post("/register", status_code=201)
async def register(body: RegisterIn, conn: AsyncConnection = Depends(get_conn)) -> dict:
    result = await conn.execute(
        text("SELECT customer_id FROM portal_invites WHERE code = :c AND used_at IS NULL"),
        {"c": body.invite_code},
    )
    customer_id = result.scalar_one_or_none()
    if customer_id is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "invalid invite")
    accounts = PortalAccountRepository(conn)
    if await accounts.find_by_email(body.email):
        raise HTTPException(status.HTTP_409_CONFLICT, "account exists")
    account_id = await accounts.create(customer_id, body.email, hash_portal_password(body.password))
    await conn.execute(text("UPDATE portal_invites SET used_at = now() WHERE code = :c"), {"c": body.invite_code})
    return {"id": account_id}


@router.post("/login")
@limiter.limit("5/minute")
async def portal_login(
    request: Request,
    response: Response,
    email: str = Form(...),
    password: str = Form(...),
    conn: AsyncConnection = Depends(get_conn),
) -> dict:
    account = await PortalAccountRepository(conn).find_by_email(email)
    if account is None or not verify_portal_password(password, account["password_hash"]):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid credentials")
    token = create_access_token(f"portal:{account['id']}", 0, ["portal"])
    response.set_cookie("portal_session", token, max_age=3600)
    return {"ok": True}


@router.post("/password-reset", status_code=202)
@limiter.limit("3/hour")
async def request_password_reset(
    request: Request,
    email: str = Form(...),
    conn: AsyncConnection = Depends(get_conn),
) -> dict:
    service = PasswordResetService(PortalAccountRepository(conn), Mailer())
    await service.start(email)
    return {"detail": "If the address is registered, a code is on its way."}


@router.post("/password")
async def change_password(
    body: PasswordChangeIn,
    principal: Principal = Depends(get_current_principal),
    conn: AsyncConnection = Depends(get_conn),
) -> dict:
    if body.new_password != body.confirm_password:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "passwords do not match")
    account_id = int(principal.subject.split(":", 1)[1])
    row = (
        await conn.execute(text("SELECT password_hash FROM portal_accounts WHERE id = :id"), {"id": account_id})
    ).mappings().first()
    if row is None or not verify_portal_password(body.current_password, row["password_hash"]):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "current password is wrong")
    await PortalAccountRepository(conn).set_password_hash(account_id, hash_portal_password(body.new_password))
    return {"ok": True}
