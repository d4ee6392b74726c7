import html
import logging
from urllib.parse import quote, urlencode
from uuid import UUID

from dependency_injector.wiring import Provide, inject
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from invoicing.config import Settings
from invoicing.containers import Container
from invoicing.errors import AuthenticationFailed
from invoicing.portal.security import csrf_token_for, current_session, require_csrf, set_csrf_cookie
from invoicing.portal.templating import format_address, templates
from invoicing.repositories.customers import CustomerRepository
from invoicing.security.tokens import TokenService
from invoicing.services.invoices import InvoiceService
from invoicing.services.payments import PaylaneClient
from invoicing.services.portal import PortalAuthService, PortalSession, PortalSessionStore

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/portal", include_in_schema=False)


def _render(request: Request, name: str, context: dict, status_code: int = 200):
    token = csrf_token_for(request)
    response = templates.TemplateResponse(
        request, name, {**context, "csrf_token": token}, status_code=status_code
    )
    set_csrf_cookie(response, token)
    return response


def _login_redirect(message: str) -> RedirectResponse:
    return RedirectResponse(f"/portal/login?{urlencode({'message': message})}", status_code=303)


@router.get("/login", name="portal_login")
async def login_form(request: Request):
    return _render(request, "portal/login.html", {"message": request.query_params.get("message", "")})


@router.post("/login", dependencies=[Depends(require_csrf)])
@inject
async def login(
    request: Request,
    email: str = Form(...),
    password: str = Form(...),
    auth: PortalAuthService = Depends(Provide[Container.portal_auth_service]),
    sessions: PortalSessionStore = Depends(Provide[Container.portal_sessions]),
    settings: Settings = Depends(Provide[Container.config]),
):
    try:
        contact = await auth.authenticate(email, password)
    except AuthenticationFailed as exc:
        return _render(request, "portal/login.html", {"error": exc.message, "email": email}, 401)
    session_id = await sessions.create(contact)
    response = RedirectResponse("/portal/invoices", status_code=303)
    response.set_cookie(
        settings.portal_cookie_name,
        session_id,
        max_age=settings.portal_session_ttl_seconds,
        path="/portal",
    )
    return response


@router.post("/logout", dependencies=[Depends(require_csrf)])
@inject
async def logout(
    session: PortalSession = Depends(current_session),
    sessions: PortalSessionStore = Depends(Provide[Container.portal_sessions]),
    settings: Settings = Depends(Provide[Container.config]),
):
    await sessions.destroy(session.session_id)
    response = _login_redirect("You have been signed out.")
    response.delete_cookie(settings.portal_cookie_name, path="/portal")
    return response


@router.get("/invoices", name="portal_invoices")
@inject
async def invoice_list(
    request: Request,
    session: PortalSession = Depends(current_session),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
):
    items = await invoices.for_customer(session.customer_id)
    return _render(request, "portal/invoices.html", {"invoices": items, "session": session})


@router.get("/invoices/{invoice_id}", name="portal_invoice_detail")
@inject
async def invoice_detail(
    request: Request,
    invoice_id: UUID,
    session: PortalSession = Depends(current_session),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
    customers: CustomerRepository = Depends(Provide[Container.customer_repository]),
):
    invoice = await invoices.detail_for_customer(session.customer_id, invoice_id)
    customer = await customers.get(session.customer_id)
    context = {
        "invoice": invoice,
        "customer": customer,
        "address_block": format_address(customer["address_lines"]),
        "session": session,
        "read_only": False,
    }
    return _render(request, "portal/invoice_detail.html", context)


@router.post("/invoices/{invoice_id}/autopay")
@inject
async def toggle_autopay(
    invoice_id: UUID,
    enabled: bool = Form(...),
    session: PortalSession = Depends(current_session),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
):
    await invoices.set_autopay(session.customer_id, invoice_id, enabled)
    return {"autopay": enabled}


@router.post("/invoices/{invoice_id}/pay", dependencies=[Depends(require_csrf)])
@inject
async def pay_invoice(
    request: Request,
    invoice_id: UUID,
    session: PortalSession = Depends(current_session),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
    paylane: PaylaneClient = Depends(Provide[Container.paylane_client]),
):
    invoice = await invoices.detail_for_customer(session.customer_id, invoice_id)
    return_url = str(request.url_for("portal_payment_complete"))
    checkout_url = await paylane.create_checkout(invoice, return_url)
    return RedirectResponse(checkout_url, status_code=303)


@router.get("/payment-complete", name="portal_payment_complete")
async def payment_complete(request: Request, ref: str = ""):
    return HTMLResponse(
        "<!doctype html><title>Payment received</title>"
        f"<p>Thank you. Your payment reference is <code>{html.escape(ref)}</code>.</p>"
        '<p><a href="/portal/invoices">Back to your invoices</a></p>'
    )


@router.get("/profile", name="portal_profile")
@inject
async def profile_form(
    request: Request,
    session: PortalSession = Depends(current_session),
    customers: CustomerRepository = Depends(Provide[Container.customer_repository]),
):
    customer = await customers.get(session.customer_id)
    return _render(request, "portal/profile.html", {"customer": customer, "session": session})


@router.post("/profile")
@inject
async def update_profile(
    billing_email: str = Form(...),
    session: PortalSession = Depends(current_session),
    customers: CustomerRepository = Depends(Provide[Container.customer_repository]),
):
    await customers.update_billing_email(session.customer_id, billing_email.strip())
    logger.info("Billing e-mail updated for customer %s by contact %s", session.customer_id, session.contact_id)
    return RedirectResponse("/portal/profile", status_code=303)


@router.get("/password-reset", name="portal_reset_request")
async def reset_request_form(request: Request):
    return _render(request, "portal/reset_request.html", {"sent": False})


@router.post("/password-reset", dependencies=[Depends(require_csrf)])
@inject
async def reset_request(
    request: Request,
    email: str = Form(...),
    auth: PortalAuthService = Depends(Provide[Container.portal_auth_service]),
):
    reset_url_base = str(request.url_for("portal_reset_confirm"))
    await auth.start_password_reset(email, reset_url_base)
    return _render(request, "portal/reset_request.html", {"sent": True})


@router.get("/password-reset/confirm", name="portal_reset_confirm")
async def reset_confirm_form(request: Request, token: str = ""):
    context = {"action": "/portal/password-reset/confirm", "token": token}
    return _render(request, "portal/set_password.html", context)


@router.post("/password-reset/confirm", dependencies=[Depends(require_csrf)])
@inject
async def reset_confirm(
    request: Request,
    token: str = Form(...),
    password: str = Form(..., min_length=10),
    auth: PortalAuthService = Depends(Provide[Container.portal_auth_service]),
):
    try:
        await auth.complete_password_reset(token, password)
    except AuthenticationFailed as exc:
        context = {"action": "/portal/password-reset/confirm", "token": token, "error": exc.message}
        return _render(request, "portal/set_password.html", context, 400)
    return _login_redirect("Your password has been reset. Please sign in.")


@router.get("/shared/{token}")
@inject
async def shared_invoice(
    request: Request,
    token: str,
    tokens: TokenService = Depends(Provide[Container.token_service]),
    invoices: InvoiceService = Depends(Provide[Container.invoice_service]),
    customers: CustomerRepository = Depends(Provide[Container.customer_repository]),
):
    invoice_id, customer_id = tokens.decode_share_token(token)
    invoice = await invoices.detail_for_customer(customer_id, invoice_id)
    customer = await customers.get(customer_id)
    context = {
        "invoice": invoice,
        "customer": customer,
        "address_block": format_address(customer["address_lines"]),
        "read_only": True,
    }
    return _render(request, "portal/invoice_detail.html", context)


@router.get("/invite/{invite_code}")
async def invite_form(request: Request, invite_code: str):
    return _render(request, "portal/set_password.html", {"action": f"/portal/invite/{quote(invite_code)}"})


@router.post("/invite/{invite_code}", dependencies=[Depends(require_csrf)])
@inject
async def accept_invite(
    invite_code: str,
    password: str = Form(..., min_length=10),
    auth: PortalAuthService = Depends(Provide[Container.portal_auth_service]),
):
    await auth.accept_invite(invite_code, password)
    return _login_redirect("Your account is ready. Please sign in.")
