"""Account workflows shared by the API views and the admin actions."""
import logging
import random

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import EmailVerification, User
from .tasks import send_password_reset_email, send_verification_email

logger = logging.getLogger(__name__)

VERIFICATION_CODE_LENGTH = 6


def _generate_code(length=VERIFICATION_CODE_LENGTH):
    return "".join(str(random.randint(0, 9)) for _ in range(length))


def start_email_verification(user):
    with transaction.atomic():
        EmailVerification.objects.filter(user=user, consumed_at__isnull=True).delete()
        verification = EmailVerification.objects.create(user=user, code=_generate_code())
    transaction.on_commit(lambda: send_verification_email.delay(user.pk, verification.code))
    return verification


def confirm_email(user, code):
    verification = (
        EmailVerification.objects.filter(user=user, consumed_at__isnull=True).order_by("-created_at").first()
    )
    if verification is None or verification.is_expired():
        return False
    if not constant_time_compare(verification.code, code):
        return False
    verification.consumed_at = timezone.now()
    verification.save(update_fields=["consumed_at"])
    user.email_verified = True
    user.save(update_fields=["email_verified"])
    return True


def build_password_reset_link(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return f"{settings.FRONTEND_URL}/reset-password/{uid}/{token}/"


def request_password_reset(email):
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        logger.info("Password reset requested for an address with no active account")
        return
    send_password_reset_email.delay(user.pk, build_password_reset_link(user))
