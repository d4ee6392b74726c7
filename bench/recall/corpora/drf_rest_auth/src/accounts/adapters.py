import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings

from core.utils import mask_email

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    """Points allauth's e-mails at the single-page app instead of Django views."""

    def get_email_confirmation_url(self, request, emailconfirmation):
        return f"{settings.FRONTEND_URL}/verify-email/{emailconfirmation.key}"

    def send_mail(self, template_prefix, email, context):
        logger.info("Sending %s e-mail to %s", template_prefix.rsplit("/", 1)[-1], mask_email(email))
        super().send_mail(template_prefix, email, context)


def frontend_reset_url(request, user, temp_key):
    """URL generator handed to dj-rest-auth's password reset form."""
    uid = user_pk_to_url_str(user)
    url = f"{settings.FRONTEND_URL}/reset-password/{uid}/{temp_key}"
    logger.info("Password reset link generated for %s: %s", user.email, url)
    return url
