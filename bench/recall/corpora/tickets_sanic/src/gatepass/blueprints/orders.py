"""Checkout and order history."""
from __future__ import annotations

import logging

from sanic import Blueprint, Request
from sanic.exceptions import NotFound
from sanic.response import redirect
from sanic.views import HTTPMethodView
from sanic_ext import render

from gatepass.repositories.events import EventRepository
from gatepass.repositories.orders import OrderRepository
from gatepass.repositories.tickets import TicketRepository
from gatepass.security.sessions import login_required
from gatepass.services.checkout import CartLine, CheckoutError, CheckoutService, SoldOut
from gatepass.services.payments import PaymentUnavailable

logger = logging.getLogger(__name__)

bp = Blueprint("orders")


def _cart_from_form(form) -> list[CartLine]:
    lines = []
    for key in form.keys():
        if not key.startswith("qty_"):
            continue
        try:
            ticket_type_id = int(key[4:])
            quantity = int(form.get(key) or 0)
        except ValueError:
            continue
        if 0 < quantity <= 20:
            lines.append(CartLine(ticket_type_id, quantity))
    return lines


class CheckoutView(HTTPMethodView):
    decorators = [login_required]

    async def _event(self, request: Request, slug: str):
        event = await EventRepository(request.app.ctx.db).get_by_slug(slug)
        if event is None or event["status"] != "published":
            raise NotFound("No such event")
        return event

    async def _page(self, request, event, *, status=200, error=None):
        ticket_types = await EventRepository(request.app.ctx.db).ticket_types(event["id"])
        return await render(
            "orders/checkout.html",
            status=status,
            context={"event": event, "ticket_types": ticket_types, "error": error},
        )

    async def get(self, request: Request, slug: str):
        return await self._page(request, await self._event(request, slug))

    async def post(self, request: Request, slug: str):
        event = await self._event(request, slug)
        lines = _cart_from_form(request.form)
        service = CheckoutService(request.app)
        try:
            _order, checkout_url = await service.start(request.ctx.user, event, lines)
        except SoldOut as exc:
            message = (
                f"Only {exc.remaining} {exc.ticket_type} tickets are left."
                if exc.remaining
                else f"{exc.ticket_type} is sold out."
            )
            return await self._page(request, event, status=409, error=message)
        except CheckoutError:
            return await self._page(request, event, status=400, error="Choose at least one ticket.")
        except PaymentUnavailable:
            logger.exception("checkout session failed for user %s, event %s", request.ctx.user["id"], event["id"])
            return await self._page(request, event, status=502, error="Payments are unavailable right now, please try again shortly.")
        return redirect(checkout_url)


@bp.get("/orders")
@login_required
async def my_orders(request: Request):
    sort = request.args.get("sort", "newest")
    orders = await OrderRepository(request.app.ctx.db).list_for_user(request.ctx.user["id"], sort)
    return await render("orders/list.html", context={"orders": orders, "sort": sort})


@bp.get("/orders/<reference:str>")
@login_required
async def order_detail(request: Request, reference: str):
    repo = OrderRepository(request.app.ctx.db)
    order = await repo.get_by_reference(reference)
    if order is None or order["user_id"] != request.ctx.user["id"]:
        raise NotFound("No such order")
    tickets = await TicketRepository(request.app.ctx.db).for_order(order["id"])
    event = await EventRepository(request.app.ctx.db).get(order["event_id"])
    return await render(
        "orders/list.html",
        context={
            "order": order,
            "event": event,
            "tickets": tickets,
            "items": await repo.items(order["id"]),
            "just_paid": request.args.get("paid") == "1",
        },
    )


bp.add_route(CheckoutView.as_view(), "/checkout/<slug:slug>")
