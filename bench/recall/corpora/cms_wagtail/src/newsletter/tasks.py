import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from .models import Subscriber

logger = logging.getLogger("artsboard.newsletter")


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=3)
def send_confirmation_email(subscriber_id):
    from .views import unsubscribe_token

    subscriber = Subscriber.objects.get(pk=subscriber_id)
    base = settings.WAGTAILADMIN_BASE_URL
    context = {
        "subscriber": subscriber,
        "confirm_url": base + reverse("newsletter:confirm", args=[subscriber.confirm_token]),
        "unsubscribe_url": base + reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)]),
    }
    html_body = render_to_string("newsletter/email/confirm.html", context)
    message = EmailMultiAlternatives(
        subject="Please confirm your Northfield Arts Board newsletter signup",
        body=strip_tags(html_body),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
    )
    message.attach_alternative(html_body, "text/html")
    message.send()


@shared_task
def purge_unconfirmed():
    cutoff = timezone.now() - timedelta(days=7)
    deleted, _ = Subscriber.objects.filter(status=Subscriber.Status.PENDING, created_at__lt=cutoff).delete()
    logger.info("Purged %d unconfirmed newsletter subscribers", deleted)
    return deleted
