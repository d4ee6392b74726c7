import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from .models import User

logger = logging.getLogger("tixly.accounts")


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def send_verification_email(user_id):
    from .services import verification_url

    user = User.objects.get(pk=user_id)
    if user.email_verified or not user.email_verification_token:
        return
    body = render_to_string("emails/verify_email.txt", {"user": user, "url": verification_url(user)})
    send_mail("Confirm your email address", body, settings.DEFAULT_FROM_EMAIL, [user.email])
    logger.info("Verification email queued for user %s", user.pk)
