import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail

from .checkout import receipt_url
from .models import Order

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def send_order_confirmation(order_id):
    order = Order.objects.prefetch_related("items__listing", "items__download_links").get(pk=order_id)
    lines = [f"- {item.quantity} x {item.listing.title}" for item in order.items.all()]
    links = [
        f"{settings.FRONTEND_URL}/orders/downloads/{link.token}/"
        for item in order.items.all()
        for link in item.download_links.all()
    ]
    body = "Thank you for supporting independent makers!\n\n" + "\n".join(lines)
    if links:
        body += "\n\nYour downloads:\n" + "\n".join(links)
    body += f"\n\nView your order any time: {receipt_url(order)}\n"
    send_mail(
        subject="Your Handmade Market order",
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[order.buyer_email],
    )
    logger.info("Order confirmation sent for order %s", order.public_id)
