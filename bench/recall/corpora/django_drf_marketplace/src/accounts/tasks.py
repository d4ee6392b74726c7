import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from .models import User

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def send_verification_email(user_id, code):
    user = User.objects.get(pk=user_id)
    send_mail(
        subject="Your Handmade Market verification code",
        message=f"Hi {user.display_name or 'there'},\n\nYour verification code is {code}. It expires in 24 hours.\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )
    logger.info("Verification email queued for user %s", user.pk)


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def send_password_reset_email(user_id, reset_url):
    user = User.objects.get(pk=user_id)
    logger.info("Sending password reset link to %s: %s", user.email, reset_url)
    body = render_to_string("emails/password_reset.txt", {"user": user, "reset_url": reset_url})
    send_mail(
        subject="Reset your Handmade Market password",
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )
