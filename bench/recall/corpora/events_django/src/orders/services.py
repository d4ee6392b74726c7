import logging
from datetime import timedelta
from decimal import Decimal

import stripe
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from events.models import TicketType

from .models import Order, OrderItem, Ticket

logger = logging.getLogger("tixly.orders")


class OrderError(Exception):
    pass


def _stripe():
    stripe.api_key = settings.PAYMENTS["secret_key"]
    return stripe


@transaction.atomic
def create_order(event, quantities, *, user=None, email=None, channel="web"):
    """quantities: {ticket_type_id: qty}. Reserves the seats until payment or expiry."""
    quantities = {int(k): int(v) for k, v in quantities.items() if int(v) > 0}
    if not quantities:
        raise OrderError("Choose at least one ticket.")
    if not event.is_on_sale:
        raise OrderError("Tickets for this event are not on sale.")

    ticket_types = {
        tt.pk: tt
        for tt in TicketType.objects.select_for_update().filter(event=event, pk__in=quantities.keys())
    }
    if len(ticket_types) != len(quantities):
        raise OrderError("Unknown ticket type.")

    order = Order.objects.create(
        user=user,
        event=event,
        email=email or (user.email if user else ""),
        currency=settings.PAYMENTS["currency"].upper(),
        channel=channel,
    )
    for tt_id, qty in quantities.items():
        tt = ticket_types[tt_id]
        if qty > tt.max_per_order:
            raise OrderError(f"At most {tt.max_per_order} {tt.name} tickets per order.")
        if not tt.is_available() or tt.remaining < qty:
            raise OrderError(f"Not enough {tt.name} tickets left.")
        OrderItem.objects.create(order=order, ticket_type=tt, quantity=qty, unit_price=tt.price)
        TicketType.objects.filter(pk=tt.pk).update(sold=F("sold") + qty)

    order.recalculate_total()
    order.save(update_fields=["total"])
    return order


def start_payment(order):
    amount = int((order.total * 100).quantize(Decimal("1")))
    intent = _stripe().PaymentIntent.create(
        amount=amount,
        currency=order.currency.lower(),
        receipt_email=order.email,
        metadata={"order_id": order.pk, "event_id": order.event_id},
        idempotency_key=f"order-{order.pk}",
    )
    order.payment_intent_id = intent["id"]
    order.save(update_fields=["payment_intent_id"])
    return intent["client_secret"]


@transaction.atomic
def mark_paid(order, card_last4=""):
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status == Order.Status.PAID:
        return order
    if order.status != Order.Status.PENDING:
        raise OrderError(f"Order {order.pk} is {order.status}, cannot mark paid")
    order.status = Order.Status.PAID
    order.paid_at = timezone.now()
    order.card_last4 = card_last4[-4:]
    order.save(update_fields=["status", "paid_at", "card_last4"])
    issue_tickets(order)
    return order


def issue_tickets(order):
    holder = order.user.get_full_name() if order.user else ""
    created = []
    for item in order.items.select_related("ticket_type"):
        for _ in range(item.quantity):
            created.append(
                Ticket.objects.create(
                    order_item=item,
                    event=order.event,
                    holder_name=holder,
                    holder_email=order.email,
                )
            )
    logger.info("Issued %d tickets for order %s", len(created), order.pk)
    return created


@transaction.atomic
def release_order(order, status):
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status not in (Order.Status.PENDING, Order.Status.PAID):
        return order
    for item in order.items.all():
        TicketType.objects.filter(pk=item.ticket_type_id).update(sold=F("sold") - item.quantity)
    Ticket.objects.filter(order_item__order=order).delete()
    order.status = status
    order.save(update_fields=["status"])
    return order


def cancel_order(order):
    if order.status == Order.Status.PAID:
        if order.event.starts_at - timezone.now() < timedelta(days=2):
            raise OrderError("Orders can't be cancelled within 48 hours of the event.")
        _stripe().Refund.create(payment_intent=order.payment_intent_id)
        return release_order(order, Order.Status.REFUNDED)
    return release_order(order, Order.Status.CANCELLED)


def expire_stale_orders():
    cutoff = timezone.now() - timedelta(minutes=settings.PAYMENTS["order_hold_minutes"])
    stale = Order.objects.filter(status=Order.Status.PENDING, created_at__lt=cutoff, channel="web")
    count = 0
    for order in stale:
        release_order(order, Order.Status.EXPIRED)
        count += 1
    return count


def transfer_ticket(ticket, name, email):
    if ticket.checked_in_at:
        raise OrderError("This ticket has already been used.")
    ticket.holder_name = name
    ticket.holder_email = email
    ticket.reissue_code()
    logger.info("Ticket %s transferred (order %s)", ticket.pk, ticket.order_item.order_id)
    return ticket


@transaction.atomic
def check_in(ticket_id, code, device):
    ticket = Ticket.objects.select_for_update().select_related("event").filter(pk=ticket_id, code=code).first()
    if ticket is None:
        return None, "unknown"
    if ticket.event.venue_id != device.venue_id:
        return ticket, "wrong_venue"
    if ticket.checked_in_at:
        return ticket, "already_used"
    ticket.checked_in_at = timezone.now()
    ticket.checked_in_by = device
    ticket.save(update_fields=["checked_in_at", "checked_in_by"])
    return ticket, "ok"
