"""Organiser back office: create/edit events, attendee list, cancellations."""
from __future__ import annotations

import logging
from datetime import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo, available_timezones

from sanic import Blueprint, Request
from sanic.exceptions import Forbidden, NotFound
from sanic.response import redirect
from sanic.views import HTTPMethodView
from sanic_ext import render
from slugify import slugify

from gatepass.repositories.events import CATEGORIES, EventRepository
from gatepass.repositories.orders import OrderRepository
from gatepass.repositories.tickets import TicketRepository
from gatepass.security.sessions import STAFF_ROLES
from gatepass.services.checkout import CheckoutService
from gatepass.services.payments import PaymentUnavailable
from gatepass.templating import clean_html

logger = logging.getLogger(__name__)

bp = Blueprint("admin", url_prefix="/admin")

COMMON_TIMEZONES = sorted(tz for tz in available_timezones() if tz.startswith(("Europe/", "America/", "Asia/")))


@bp.on_request
async def require_staff(request: Request):
    user = request.ctx.user
    if user is None:
        return redirect(f"/login?next={quote(request.path)}")
    if user["role"] not in STAFF_ROLES:
        raise Forbidden("Staff only")


async def _owned_event(request: Request, event_id: int):
    event = await EventRepository(request.app.ctx.db).get(event_id)
    if event is None:
        raise NotFound("No such event")
    if request.ctx.user["role"] != "admin" and event["organizer_id"] != request.ctx.user["id"]:
        raise Forbidden("Not your event")
    return event


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError):
        return ZoneInfo("UTC")


def _parse_local(value: str | None, tz: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=_zone(tz))
    except ValueError:
        return None


async def _unique_slug(repo: EventRepository, title: str) -> str:
    base = slugify(title, max_length=60) or "event"
    slug, n = base, 1
    while await repo.slug_taken(slug):
        n += 1
        slug = f"{base}-{n}"
    return slug


class EventFormView(HTTPMethodView):
    async def get(self, request: Request, event_id: int | None = None):
        event = await _owned_event(request, event_id) if event_id else None
        return await render(
            "admin/event_form.html",
            context={"event": event, "categories": CATEGORIES, "timezones": COMMON_TIMEZONES},
        )

    async def post(self, request: Request, event_id: int | None = None):
        repo = EventRepository(request.app.ctx.db)
        if event_id:
            await _owned_event(request, event_id)

        form = request.form
        tz = (form.get("timezone") or "Europe/Berlin").strip()
        data = {
            "title": (form.get("title") or "").strip(),
            "category": form.get("category") if form.get("category") in CATEGORIES else "other",
            "venue": (form.get("venue") or "").strip(),
            "city": (form.get("city") or "").strip(),
            "timezone": tz,
            "starts_at": _parse_local(form.get("starts_at"), tz),
            "ends_at": _parse_local(form.get("ends_at"), tz),
            "description": form.get("description", ""),
            "venue_map_embed": (form.get("venue_map_embed") or "").strip(),
            "cover_url": (form.get("cover_url") or "").strip() or None,
            "status": "published" if form.get("publish") == "on" else "draft",
        }
        # the summary is stored cleaned, so an empty box on edit means "keep it"
        if form.get("summary") or not event_id:
            data["summary_html"] = clean_html(form.get("summary", ""))
        errors = [label for key, label in (("title", "Title"), ("venue", "Venue"), ("starts_at", "Start time")) if not data[key]]
        if errors:
            return await render(
                "admin/event_form.html",
                status=400,
                context={
                    "event": data,
                    "errors": [f"{label} is required." for label in errors],
                    "categories": CATEGORIES,
                    "timezones": COMMON_TIMEZONES,
                },
            )

        if event_id:
            event = await repo.update(event_id, data)
        else:
            data["slug"] = await _unique_slug(repo, data["title"])
            event = await repo.create(request.ctx.user["id"], data)
        logger.info("event %s saved by user %s", event["id"], request.ctx.user["id"])
        return redirect(f"/events/{event['slug']}")


@bp.get("/events/<event_id:int>/attendees")
async def attendees(request: Request, event_id: int):
    event = await _owned_event(request, event_id)
    q = (request.args.get("q") or "").strip()
    try:
        page = int(request.args.get("page", 1))
    except ValueError:
        page = 1
    tickets = TicketRepository(request.app.ctx.db)
    rows = await tickets.search_attendees(event_id, q, page)
    stats = await tickets.checkin_stats(event_id)
    return await render(
        "admin/attendees.html",
        context={"event": event, "attendees": rows, "q": q, "page": page, "stats": stats},
    )


@bp.post("/tickets/<ticket_id:int>/cancel")
async def cancel_ticket(request: Request, ticket_id: int):
    tickets = TicketRepository(request.app.ctx.db)
    ticket = await tickets.get(ticket_id)
    if ticket is None:
        raise NotFound("No such ticket")
    await _owned_event(request, ticket["event_id"])

    if not await CheckoutService(request.app).cancel_ticket(ticket_id):
        return redirect(f"/admin/events/{ticket['event_id']}/attendees?flash=already-cancelled")

    if request.form.get("refund") == "on":
        order = await OrderRepository(request.app.ctx.db).get(ticket["order_id"])
        items = await OrderRepository(request.app.ctx.db).items(order["id"])
        price = next((i["unit_price_cents"] for i in items if i["ticket_type_id"] == ticket["ticket_type_id"]), None)
        try:
            await request.app.ctx.payments.refund(order["payment_intent_id"], price)
        except PaymentUnavailable:
            logger.exception("refund for ticket %s failed", ticket_id)
            return redirect(f"/admin/events/{ticket['event_id']}/attendees?flash=refund-failed")
    logger.info("ticket %s cancelled by user %s", ticket_id, request.ctx.user["id"])
    return redirect(f"/admin/events/{ticket['event_id']}/attendees?flash=cancelled")


bp.add_route(EventFormView.as_view(), "/events/new", name="event_new")
bp.add_route(EventFormView.as_view(), "/events/<event_id:int>/edit", name="event_edit")
