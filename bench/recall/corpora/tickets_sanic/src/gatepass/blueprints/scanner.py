"""Door scanner endpoints (tablets running the Gatepass Scan app)."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import jwt
from markupsafe import escape
from sanic import Blueprint, Request
from sanic.exceptions import NotFound, Unauthorized
from sanic.response import html, json
from sanic_ext import validate

from gatepass.repositories.tickets import DeviceRepository, TicketRepository
from gatepass.security.ratelimit import rate_limit
from gatepass.security.tokens import decode_device_token, issue_device_token
from gatepass.services.qrcodes import parse_payload

logger = logging.getLogger(__name__)

bp = Blueprint("scanner", url_prefix="/scanner")


@dataclass
class RegisterRequest:
    device_id: int
    device_key: str


@dataclass
class CheckinRequest:
    payload: str


@bp.on_request
async def authenticate_device(request: Request):
    if request.route is not None and getattr(request.route.ctx, "public", False):
        return
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() != "bearer ":
        raise Unauthorized("Device token required", scheme="Bearer")
    try:
        claims = decode_device_token(auth[7:].strip(), request.app.config)
    except jwt.PyJWTError:
        raise Unauthorized("Invalid device token", scheme="Bearer") from None
    request.ctx.device_id = int(claims["sub"].split(":", 1)[1])
    request.ctx.event_id = int(claims["event_id"])


@bp.post("/register", ctx_public=True)
@rate_limit("scanner-register", limit=10, window=60)
@validate(json=RegisterRequest)
async def register_device(request: Request, body: RegisterRequest):
    devices = DeviceRepository(request.app.ctx.db)
    device = await devices.get(body.device_id)
    if device is None or device["revoked_at"] is not None or device["api_key"] != body.device_key:
        logger.warning("scanner registration rejected for device %s", body.device_id)
        raise Unauthorized("Unknown device", scheme="Bearer")
    await devices.touch(device["id"])
    return json({"token": issue_device_token(device, request.app.config), "event_id": device["event_id"]})


@bp.post("/checkin")
@validate(json=CheckinRequest)
async def checkin(request: Request, body: CheckinRequest):
    parsed = parse_payload(body.payload, request.app.config.SECRET_KEY)
    if parsed is None:
        return json({"status": "invalid"}, status=400)
    ticket_id, barcode = parsed

    tickets = TicketRepository(request.app.ctx.db)
    ticket = await tickets.get_by_barcode(barcode)
    if ticket is None or ticket["id"] != ticket_id or ticket["event_id"] != request.ctx.event_id:
        return json({"status": "invalid"}, status=404)
    if ticket["status"] != "valid":
        return json({"status": ticket["status"]}, status=409)

    updated = await tickets.check_in(ticket_id, request.ctx.device_id)
    if updated is None:
        return json({"status": "already_used", "checked_in_at": ticket["checked_in_at"].isoformat()}, status=409)
    return json({"status": "ok", "ticket_id": ticket_id, "holder": ticket["holder_name"], "type": ticket["type_name"]})


@bp.get("/tickets/<ticket_id:int>/card")
async def checkin_card(request: Request, ticket_id: int):
    """HTML fragment the door app shows after a scan."""
    ticket = await TicketRepository(request.app.ctx.db).get(ticket_id)
    if ticket is None or ticket["event_id"] != request.ctx.event_id:
        raise NotFound("No such ticket")
    state = "used" if ticket["checked_in_at"] else ticket["status"]
    return html(
        f'<div class="scan-card scan-{state}">'
        f'<h2>{escape(ticket["holder_name"])}</h2>'
        f'<p class="scan-state">{escape(state.replace("_", " ").title())}</p>'
        "</div>"
    )


@bp.get("/stats")
async def stats(request: Request):
    row = await TicketRepository(request.app.ctx.db).checkin_stats(request.ctx.event_id)
    return json({"issued": row["issued"], "checked_in": row["checked_in"]})
