"""Order lifecycle: reserve -> Stripe Checkout -> webhook -> tickets issued."""
from __future__ import annotations

import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import asyncpg
from sanic import Sanic

from gatepass.repositories.base import transaction
from gatepass.repositories.events import EventRepository
from gatepass.repositories.orders import OrderRepository
from gatepass.repositories.tickets import TicketRepository
from gatepass.repositories.users import UserRepository
from gatepass.services.qrcodes import render_png, ticket_payload

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CartLine:
    ticket_type_id: int
    quantity: int


class CheckoutError(Exception):
    pass


class SoldOut(CheckoutError):
    def __init__(self, ticket_type: str, remaining: int):
        super().__init__(ticket_type)
        self.ticket_type = ticket_type
        self.remaining = remaining


def order_reference() -> str:
    # short, human-friendly reference printed on receipts and read out on the phone
    return "GP-" + secrets.token_hex(4).upper()


def make_barcode(order_id: int, seq: int) -> str:
    return hashlib.sha256(f"{order_id}:{seq}:{time.time()}".encode()).hexdigest()[:24]


class CheckoutService:
    def __init__(self, app: Sanic):
        self.app = app
        self.pool: asyncpg.Pool = app.ctx.db
        self.events = EventRepository(self.pool)
        self.orders = OrderRepository(self.pool)
        self.tickets = TicketRepository(self.pool)

    async def start(self, user, event, lines: list[CartLine]) -> tuple[asyncpg.Record, str]:
        lines = [line for line in lines if line.quantity > 0]
        if not lines:
            raise CheckoutError("empty")

        async with transaction(self.pool) as conn:
            types = {
                row["id"]: row
                for row in await self.events.lock_ticket_types(conn, event["id"], [l.ticket_type_id for l in lines])
            }
            items: list[tuple[int, int, int]] = []
            total = 0
            for line in lines:
                tt = types.get(line.ticket_type_id)
                if tt is None:
                    raise CheckoutError("unknown ticket type")
                remaining = tt["capacity"] - tt["sold"]
                if line.quantity > min(remaining, tt["max_per_order"]):
                    raise SoldOut(tt["name"], max(remaining, 0))
                await self.events.adjust_sold(conn, tt["id"], line.quantity)
                items.append((tt["id"], line.quantity, tt["price_cents"]))
                total += line.quantity * tt["price_cents"]

            order = await self.orders.create_pending(
                conn,
                reference=order_reference(),
                user_id=user["id"],
                event_id=event["id"],
                total_cents=total,
                currency=self.app.config.CURRENCY,
                items=items,
            )

        base = self.app.config.PUBLIC_BASE_URL
        expires = datetime.now(timezone.utc) + timedelta(minutes=max(self.app.config.CHECKOUT_HOLD_MINUTES, 30))
        session = await self.app.ctx.payments.create_checkout(
            order=dict(order),
            lines=[
                {"name": types[tt_id]["name"], "quantity": qty, "unit_price_cents": price}
                for tt_id, qty, price in items
            ],
            customer_email=user["email"],
            success_url=f"{base}/orders/{order['reference']}?paid=1",
            cancel_url=f"{base}/events/{event['slug']}",
            expires_at=int(expires.timestamp()),
        )
        await self.orders.attach_checkout_session(order["id"], session["id"])
        return order, session["url"]

    async def fulfil(self, session_id: str, payment_intent: str | None) -> asyncpg.Record | None:
        async with transaction(self.pool) as conn:
            order = await self.orders.mark_paid(conn, session_id, payment_intent)
            if order is None:
                # duplicate delivery or already expired; Stripe retries are normal
                return None
            owner = await UserRepository(conn).get(order["user_id"])
            rows = []
            seq = 0
            for item in await self.orders.items(order["id"], conn):
                for _ in range(item["quantity"]):
                    seq += 1
                    rows.append(
                        (order["id"], order["event_id"], item["ticket_type_id"], order["user_id"],
                         owner["full_name"], make_barcode(order["id"], seq))
                    )
            await self.tickets.bulk_issue(conn, rows)

        self.app.add_task(self.send_tickets(order["id"]), name=f"send-tickets-{order['id']}")
        logger.info("order %s paid, %d tickets issued", order["reference"], len(rows))
        return order

    async def send_tickets(self, order_id: int) -> None:
        order = await self.orders.get(order_id)
        owner = await UserRepository(self.pool).get(order["user_id"])
        event = await self.events.get(order["event_id"])
        # transferred tickets belong to someone else now
        tickets = [t for t in await self.tickets.for_order(order_id) if t["user_id"] == order["user_id"]]
        if not tickets:
            return
        images = [render_png(ticket_payload(t, self.app.config.SECRET_KEY)) for t in tickets]
        try:
            await self.app.ctx.mailer.send_tickets(
                owner["email"],
                holder_name=owner["full_name"],
                event=event,
                order=order,
                tickets=tickets,
                qr_images=images,
            )
        except Exception:
            logger.exception("could not e-mail tickets for order %s", order["reference"])

    async def cancel_ticket(self, ticket_id: int) -> bool:
        async with transaction(self.pool) as conn:
            cancelled = await TicketRepository(conn).cancel(ticket_id)
            if cancelled is None:
                return False
            await self.events.adjust_sold(conn, cancelled["ticket_type_id"], -1)
        return True
