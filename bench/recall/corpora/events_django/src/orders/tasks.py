import logging
from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from . import services
from .models import Order, Ticket
from .qr import qr_png

logger = logging.getLogger("tixly.orders")


def _ticket_email(to, subject, context, tickets):
    text_body = render_to_string("emails/tickets.txt", context)
    html_body = render_to_string("emails/tickets.html", context)
    message = EmailMultiAlternatives(subject, text_body, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html_body, "text/html")
    for n, ticket in enumerate(tickets, start=1):
        message.attach(f"ticket-{n}.png", qr_png(ticket), "image/png")
    return message


@shared_task(bind=True, autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_order_tickets(self, order_id):
    order = Order.objects.select_related("event", "event__venue").get(pk=order_id)
    if not order.is_paid:
        logger.info("Order %s is %s, not sending tickets", order.pk, order.status)
        return 0
    tickets = list(Ticket.objects.filter(order_item__order=order).select_related("order_item__ticket_type"))
    context = {"order": order, "event": order.event, "tickets": tickets, "site": settings.SITE_URL}
    subject = f"Your tickets for {order.event.title}"
    _ticket_email(order.email, subject, context, tickets).send()
    logger.info("Sent %d tickets for order %s", len(tickets), order.pk)
    return len(tickets)


@shared_task(bind=True, autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_single_ticket(self, ticket_id):
    ticket = Ticket.objects.select_related("event", "event__venue", "order_item__order").get(pk=ticket_id)
    context = {
        "order": ticket.order_item.order,
        "event": ticket.event,
        "tickets": [ticket],
        "transferred": True,
        "site": settings.SITE_URL,
    }
    subject = f"A ticket for {ticket.event.title} has been sent to you"
    _ticket_email(ticket.holder_email, subject, context, [ticket]).send()


@shared_task
def expire_pending_orders():
    count = services.expire_stale_orders()
    if count:
        logger.info("Expired %d unpaid orders", count)
    return count
