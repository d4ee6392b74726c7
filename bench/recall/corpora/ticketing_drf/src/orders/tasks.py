import logging
import random
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from events.models import TicketType

from .models import Order
from .tickets import issue_ticket_token

logger = logging.getLogger(__name__)

UNPAID_ORDER_TTL = timedelta(minutes=15)


@shared_task(bind=True, max_retries=5)
def send_order_confirmation(self, order_id):
    order = (
        Order.objects.select_related("customer", "event", "event__venue")
        .prefetch_related("tickets__ticket_type")
        .get(pk=order_id)
    )
    tickets = [(t, issue_ticket_token(t)) for t in order.tickets.all()]
    context = {"order": order, "event": order.event, "tickets": tickets, "site_url": settings.FRONTEND_URL}
    message = EmailMultiAlternatives(
        subject=f"Your tickets for {order.event.title}",
        body=render_to_string("emails/order_confirmation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[order.customer.email],
    )
    message.attach_alternative(render_to_string("emails/order_confirmation.html", context), "text/html")
    try:
        message.send()
    except OSError as exc:
        # Exponential backoff with jitter so a mail-relay blip doesn't
        # produce a thundering herd of retries.
        countdown = 2 ** self.request.retries * 30 + random.uniform(0, 15)
        raise self.retry(exc=exc, countdown=countdown)


@shared_task
def expire_unpaid_orders():
    cutoff = timezone.now() - UNPAID_ORDER_TTL
    expired = 0
    for order in Order.objects.filter(status=Order.Status.PENDING, created_at__lt=cutoff).prefetch_related("items"):
        for item in order.items.all():
            TicketType.objects.filter(pk=item.ticket_type_id).update(sold=F("sold") - item.quantity)
        order.status = Order.Status.CANCELLED
        order.save(update_fields=["status"])
        expired += 1
    logger.info("expired %d unpaid orders", expired)
    return expired
