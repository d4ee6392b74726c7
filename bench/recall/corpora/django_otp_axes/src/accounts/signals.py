import logging

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

logger = logging.getLogger("accounts.audit")


@receiver(user_logged_in)
def record_login(sender, request, user, **kwargs):
    logger.info("login ok user=%s ip=%s", user.pk, request.META.get("REMOTE_ADDR"))


@receiver(user_login_failed)
def record_failed_login(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "<unknown>")
    logger.warning("login failed username=%s ip=%s", username, request and request.META.get("REMOTE_ADDR"))
