"""Admin endpoint views: login, order search, refunds, customer lookup."""
from __future__ import annotations

import html
import logging

from slowapi import Limiter
from slowapi.util import get_remote_address
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.templating import Jinja2Templates

from .. import db
from ..reports.render import TEMPLATE_DIR, highlight, status_badge
from ..repositories import customers, orders, staff as staff_repo
from ..services.jwt_auth import issue_access_token
from ..services.mailer import PasswordResetMailer
from ..services.passwords import verify_password
from .security import bearer_claims, csrf_token, current_staff, verify_csrf

log = logging.getLogger(__name__)

limiter = Limiter(key_func=get_remote_address)
templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
templates.env.globals["csrf_token"] = csrf_token
templates.env.filters["badge"] = status_badge
templates.env.filters["highlight"] = highlight


@limiter.limit("5/minute")
async def login(request):
    if request.method == "GET":
        return templates.TemplateResponse(request, "admin/login.html", {"error": None})

    form = await request.form()
    verify_csrf(request, form)
    email = form.get("email", "").strip()
    password = form.get("password", "")

    conn = db.connect()
    try:
        account = staff_repo.get_by_email(conn, email)
    finally:
        conn.close()

    if not account or not account["active"] or not verify_password(password, account["password_hash"]):
        log.info("admin login failed for %s", email)
        return templates.TemplateResponse(
            request, "admin/login.html", {"error": "Invalid credentials"}, status_code=401
        )

    request.session.clear()
    request.session["staff"] = {"id": account["id"], "email": account["email"], "role": account["role"]}
    return RedirectResponse("/orders", status_code=303)


async def logout(request):
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


async def password_reset_request(request):
    """Customer support triggers a reset e-mail on behalf of a customer."""
    current_staff(request)
    form = await request.form()
    verify_csrf(request, form)
    email = form.get("email", "").strip()
    conn = db.connect()
    try:
        PasswordResetMailer(conn).send_reset(email)
    finally:
        conn.close()
    return JSONResponse({"status": "queued"})


async def order_search(request):
    current_staff(request)
    q = request.query_params.get("q", "")
    conn = db.connect()
    try:
        rows = orders.search(conn, q)
    finally:
        conn.close()
    if not rows:
        return HTMLResponse(f"<div class='empty'>No orders match <b>{q}</b>.</div>", status_code=404)
    return templates.TemplateResponse(request, "admin/search.html", {"rows": rows, "q": q})


async def customer_lookup(request):
    current_staff(request)
    email = request.query_params.get("email", "")
    conn = db.connect()
    try:
        customer = customers.find_by_email(conn, email)
    finally:
        conn.close()
    if customer is None:
        return HTMLResponse(
            "<p class='muted'>No customer with address %s.</p>" % html.escape(email), status_code=404
        )
    return templates.TemplateResponse(request, "admin/customer.html", {"customer": customer})


async def refund_form(request):
    current_staff(request)
    order_id = int(request.path_params["order_id"])
    conn = db.connect()
    try:
        order = orders.get_order(conn, order_id)
    finally:
        conn.close()
    return templates.TemplateResponse(request, "admin/refund.html", {"order": order})


async def refund_submit(request):
    staff = current_staff(request)
    order_id = int(request.path_params["order_id"])
    form = await request.form()
    amount_cents = int(round(float(form["amount"]) * 100))
    conn = db.connect()
    try:
        with db.transaction(conn):
            orders.mark_refunded(conn, order_id, amount_cents, staff["id"])
    finally:
        conn.close()
    log.info("order %s refunded %d cents by staff %s", order_id, amount_cents, staff["id"])
    return RedirectResponse(f"/orders/{order_id}", status_code=303)


@limiter.limit("30/minute")
async def api_token(request):
    staff = current_staff(request)
    return JSONResponse({"access_token": issue_access_token(staff["id"], staff["role"]), "token_type": "bearer"})


async def api_orders(request):
    bearer_claims(request)
    status = request.query_params.get("status", "paid")
    sort = request.query_params.get("sort", "date")
    conn = db.connect()
    try:
        rows = orders.list_orders(conn, status, sort=sort)
    finally:
        conn.close()
    return JSONResponse([dict(r) for r in rows], media_type="application/json")
