import logging
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from events.models import TicketType

from .models import Order, OrderItem, Ticket

logger = logging.getLogger(__name__)


class SoldOut(Exception):
    pass


@transaction.atomic
def create_order(customer, event, lines, gift_message=""):
    """``lines`` is a list of ``(ticket_type_id, quantity)`` pairs."""
    order = Order.objects.create(customer=customer, event=event, gift_message=gift_message)
    total = Decimal("0")
    for ticket_type_id, quantity in lines:
        tt = TicketType.objects.select_for_update().get(pk=ticket_type_id, event=event)
        if tt.remaining < quantity:
            raise SoldOut(tt.name)
        TicketType.objects.filter(pk=tt.pk).update(sold=F("sold") + quantity)
        OrderItem.objects.create(order=order, ticket_type=tt, quantity=quantity, unit_price=tt.price)
        total += tt.price * quantity
    order.total = total
    order.save(update_fields=["total"])
    logger.info("order %s created for customer_id=%s total=%s", order.reference, customer.pk, total)
    return order


@transaction.atomic
def mark_paid(order, payment_intent_id):
    if order.status == Order.Status.PAID:
        return order
    order.status = Order.Status.PAID
    order.paid_at = timezone.now()
    order.payment_intent_id = payment_intent_id
    order.save(update_fields=["status", "paid_at", "payment_intent_id"])
    for item in order.items.select_related("ticket_type"):
        Ticket.objects.bulk_create(
            [Ticket(order=order, ticket_type=item.ticket_type) for _ in range(item.quantity)]
        )
    return order


def check_in(ticket_id, event_id, venue_id):
    updated = (
        Ticket.objects.filter(
            pk=ticket_id,
            order__event_id=event_id,
            order__event__venue_id=venue_id,
            order__status=Order.Status.PAID,
            checked_in_at__isnull=True,
        ).update(checked_in_at=timezone.now())
    )
    return bool(updated)


def sales_summary(event_id):
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT tt.name, SUM(oi.quantity), SUM(oi.quantity * oi.unit_price)
            FROM orders_orderitem oi
            JOIN orders_order o ON o.id = oi.order_id
            JOIN events_tickettype tt ON tt.id = oi.ticket_type_id
            WHERE o.event_id = %s AND o.status = %s
            GROUP BY tt.name
            ORDER BY tt.name
            """,
            [event_id, Order.Status.PAID],
        )
        return [
            {"ticket_type": name, "sold": sold, "revenue": revenue}
            for name, sold, revenue in cursor.fetchall()
        ]
