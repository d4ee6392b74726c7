import logging
import secrets
import uuid

from app.db import database
from app.repositories import events as events_repo
from app.repositories import orders as orders_repo
from app.repositories import tickets as tickets_repo
from app.services import mail

logger = logging.getLogger(__name__)

MAX_TICKETS_PER_ORDER = 8


class SoldOut(Exception):
    pass


def _ticket_code() -> str:
    return uuid.uuid1().hex


async def place_order(user: dict, event_id: int, quantity: int) -> int:
    if not 1 <= quantity <= MAX_TICKETS_PER_ORDER:
        raise ValueError("quantity out of range")
    event = await events_repo.get_by_id(event_id)
    if event is None or not event["published"]:
        raise LookupError("event not found")
    async with database.transaction():
        sold = await events_repo.seats_sold(event_id)
        if sold + quantity > event["capacity"]:
            raise SoldOut()
        order_id = await orders_repo.create(
            user["id"], event_id, quantity, quantity * event["price_cents"]
        )
    logger.info("order %s created for event %s (qty=%s)", order_id, event_id, quantity)
    return order_id


async def fulfil(order_id: int, payment_ref: str) -> None:
    (order,) = await orders_repo.get_many([order_id])
    await orders_repo.mark_paid(order_id, payment_ref)
    for _ in range(order["quantity"]):
        await tickets_repo.add(order_id, order["user_id"], _ticket_code())
    await mail.enqueue("send_order_confirmation", order_id=order_id)


async def offer_transfer(ticket: dict, to_email: str, base_url: str) -> None:
    claim_code = secrets.token_urlsafe(32)
    await tickets_repo.create_transfer(ticket["id"], to_email, claim_code)
    await mail.enqueue(
        "send_template",
        to=to_email,
        template="emails/action_link.html",
        subject="Someone sent you a ticket",
        context={"link": f"{base_url}tickets/transfer/claim/{claim_code}"},
    )


async def claim_transfer(claim_code: str, user: dict) -> bool:
    transfer = await tickets_repo.get_open_transfer(claim_code)
    if transfer is None:
        return False
    await tickets_repo.complete_transfer(transfer["id"], transfer["ticket_id"], user["id"])
    return True
