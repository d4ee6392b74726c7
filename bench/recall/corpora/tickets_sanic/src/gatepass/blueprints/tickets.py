"""A customer's tickets: list, QR image, transfer, resend."""
from __future__ import annotations

import logging

from sanic import Blueprint, Request
from sanic.exceptions import NotFound
from sanic.response import empty, json, raw, redirect
from sanic_ext import render

from gatepass.repositories.tickets import TicketRepository
from gatepass.repositories.users import UserRepository
from gatepass.security.csrf import csrf_exempt
from gatepass.security.ratelimit import by_user, rate_limit
from gatepass.security.sessions import login_required
from gatepass.services.checkout import CheckoutService
from gatepass.services.qrcodes import etag_for, render_png, ticket_payload

logger = logging.getLogger(__name__)

bp = Blueprint("tickets", url_prefix="/tickets")


@bp.get("/")
@login_required
async def my_tickets(request: Request):
    tickets = await TicketRepository(request.app.ctx.db).for_user(request.ctx.user["id"])
    return await render(
        "tickets/mine.html",
        context={
            "tickets": tickets,
            "flash": request.args.get("flash"),
            "password_reset": "password_reset" in request.args,
        },
    )


@bp.get("/<ticket_id:int>/qr.png")
@login_required
async def ticket_qr(request: Request, ticket_id: int):
    ticket = await TicketRepository(request.app.ctx.db).get_for_user(ticket_id, request.ctx.user["id"])
    if ticket is None or ticket["status"] != "valid":
        raise NotFound("No such ticket")
    png = render_png(ticket_payload(ticket, request.app.config.SECRET_KEY))
    tag = etag_for(png)
    headers = {"ETag": tag, "Cache-Control": "private, max-age=300"}
    if request.headers.get("if-none-match") == tag:
        return empty(status=304, headers=headers)
    return raw(png, content_type="image/png", headers=headers)


@bp.post("/<ticket_id:int>/transfer")
@csrf_exempt
@login_required
@rate_limit("ticket-transfer", limit=10, window=3600, key=by_user)
async def transfer_ticket(request: Request, ticket_id: int):
    # the iOS app posts JSON here with the same session cookie
    data = request.json if (request.content_type or "").startswith("application/json") else request.form
    to_email = (data.get("email") or "").strip().lower()
    holder_name = (data.get("holder_name") or "").strip()[:120]

    users = UserRepository(request.app.ctx.db)
    tickets = TicketRepository(request.app.ctx.db)
    ticket = await tickets.get_for_user(ticket_id, request.ctx.user["id"])
    recipient = await users.get_by_email(to_email) if to_email else None
    if ticket is None or recipient is None:
        return json({"ok": False, "error": "The recipient needs a Gatepass account."}, status=400)

    moved = await tickets.transfer(
        ticket_id,
        from_user=request.ctx.user["id"],
        to_user=recipient["id"],
        holder_name=holder_name or recipient["full_name"],
    )
    if not moved:
        return json({"ok": False, "error": "This ticket can no longer be transferred."}, status=409)

    logger.info("ticket %s transferred from user %s to user %s", ticket_id, request.ctx.user["id"], recipient["id"])
    request.app.add_task(
        request.app.ctx.mailer.send_transfer_notice(
            recipient["email"], recipient["full_name"], request.ctx.user["full_name"], ticket["event_title"]
        )
    )
    if request.headers.get("accept", "").startswith("application/json"):
        return json({"ok": True})
    return redirect("/tickets/?flash=transferred")


@bp.post("/<ticket_id:int>/resend")
@login_required
@rate_limit("ticket-resend", limit=3, window=3600, key=by_user)
async def resend_ticket(request: Request, ticket_id: int):
    ticket = await TicketRepository(request.app.ctx.db).get_for_user(ticket_id, request.ctx.user["id"])
    if ticket is None:
        raise NotFound("No such ticket")
    request.app.add_task(CheckoutService(request.app).send_tickets(ticket["order_id"]))
    return redirect("/tickets/?flash=resent")
