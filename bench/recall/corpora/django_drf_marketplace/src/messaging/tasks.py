import logging
from datetime import timedelta

import jwt
from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)

UNSUBSCRIBE_TTL = timedelta(days=60)


def make_unsubscribe_token(user):
    now = timezone.now()
    payload = {"sub": str(user.public_id), "scope": "messages", "iat": now, "exp": now + UNSUBSCRIBE_TTL}
    return jwt.encode(payload, settings.UNSUBSCRIBE_SIGNING_KEY, algorithm="HS256")


@shared_task
def notify_new_message(message_id):
    from .models import Message, NotificationPreference

    message = Message.objects.select_related("conversation__shop__owner", "conversation__buyer", "sender").get(
        pk=message_id
    )
    conversation = message.conversation
    recipient = conversation.shop.owner if message.sender_id == conversation.buyer_id else conversation.buyer
    prefs, _ = NotificationPreference.objects.get_or_create(user=recipient)
    if not prefs.email_on_message:
        return
    thread_url = settings.FRONTEND_URL + reverse("messaging:thread", kwargs={"pk": conversation.pk})
    unsubscribe_url = settings.FRONTEND_URL + reverse(
        "messaging:unsubscribe", kwargs={"token": make_unsubscribe_token(recipient)}
    )
    send_mail(
        subject=f"New message from {message.sender}",
        message=f"You have a new message about your order or listing.\n\nRead it: {thread_url}\n\n"
        f"Stop these emails: {unsubscribe_url}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[recipient.email],
    )
    logger.info("Message notification sent for conversation %s", conversation.pk)
