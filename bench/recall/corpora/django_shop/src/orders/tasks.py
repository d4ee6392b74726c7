from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from .downloads import download_url
from .models import GiftCard, Order


def _absolute(path):
    return f"https://www.inkandspine.co.uk{path}"


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_order_confirmation(order_id):
    order = Order.objects.prefetch_related("lines__book").get(pk=order_id)
    ebook_links = [
        (line.book.title, _absolute(download_url(line))) for line in order.lines.all() if line.book.is_ebook
    ]
    context = {
        "order": order,
        "tracking_url": _absolute(order.get_tracking_url()),
        "ebook_links": ebook_links,
    }
    message = EmailMultiAlternatives(
        subject=f"Your {settings.SHOP_NAME} order #{order.pk}",
        body=render_to_string("emails/order_confirmation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[order.email],
    )
    message.attach_alternative(render_to_string("emails/order_confirmation.html", context), "text/html")
    message.send()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_gift_card(gift_card_id):
    card = GiftCard.objects.get(pk=gift_card_id)
    message = EmailMultiAlternatives(
        subject=f"You've been sent a {settings.SHOP_NAME} gift card",
        body=(
            f"Someone has sent you a £{card.initial_value} gift card for {settings.SHOP_NAME}.\n\n"
            f"Your code: {card.code}\n\n"
            "Enter it in your basket at https://www.inkandspine.co.uk/basket/ to use it."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[card.recipient_email],
    )
    message.send()
