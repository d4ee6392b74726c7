import logging

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

logger = logging.getLogger("tixly.auth")


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    logger.info("User %s logged in from %s", user.pk, request.META.get("REMOTE_ADDR") if request else "-")


@receiver(user_login_failed)
def log_login_failure(sender, credentials, request=None, **kwargs):
    logger.warning(
        "Failed login for username=%r from %s",
        credentials.get("username"),
        request.META.get("REMOTE_ADDR") if request else "-",
    )
