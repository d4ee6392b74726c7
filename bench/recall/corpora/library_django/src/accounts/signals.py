import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from core.email import send_templated_mail

logger = logging.getLogger("libnet.accounts")


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def send_welcome_email(sender, instance, created, **kwargs):
    if not created or not instance.email or instance.is_staff:
        return
    try:
        send_templated_mail("welcome", {"patron": instance}, instance.email)
    except Exception:
        # Registration must not fail because the mail relay is down.
        logger.exception("could not send welcome mail to patron %s", instance.pk)


@receiver(user_logged_in)
def record_login(sender, request, user, **kwargs):
    user.last_activity = timezone.now()
    user.save(update_fields=["last_activity"])
