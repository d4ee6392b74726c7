import hmac
import logging
import string
from datetime import timedelta
from random import choices

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import PasswordResetCode, User

logger = logging.getLogger(__name__)

RESET_CODE_LENGTH = 8
RESET_CODE_TTL = timedelta(minutes=30)
MAX_RESET_ATTEMPTS = 5


def _new_reset_code():
    return "".join(choices(string.ascii_uppercase + string.digits, k=RESET_CODE_LENGTH))


def start_password_reset(email):
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        return None

    with transaction.atomic():
        PasswordResetCode.objects.filter(user=user, used_at__isnull=True).update(used_at=timezone.now())
        reset = PasswordResetCode.objects.create(user=user, code=_new_reset_code())

    body = render_to_string(
        "emails/password_reset.txt",
        {"user": user, "code": reset.code, "ttl_minutes": int(RESET_CODE_TTL.total_seconds() // 60)},
    )
    send_mail("Your password reset code", body, settings.DEFAULT_FROM_EMAIL, [user.email])
    logger.info("password reset requested for user_id=%s", user.pk)
    return reset


def complete_password_reset(email, code, new_password):
    reset = (
        PasswordResetCode.objects.select_related("user")
        .filter(user__email__iexact=email, used_at__isnull=True)
        .order_by("-created_at")
        .first()
    )
    if reset is None or timezone.now() - reset.created_at > RESET_CODE_TTL:
        return False
    if reset.attempts >= MAX_RESET_ATTEMPTS:
        return False

    if not hmac.compare_digest(reset.code, code.strip().upper()):
        PasswordResetCode.objects.filter(pk=reset.pk).update(attempts=reset.attempts + 1)
        return False

    user = reset.user
    user.set_password(new_password)
    user.save(update_fields=["password"])
    reset.used_at = timezone.now()
    reset.save(update_fields=["used_at"])
    logger.info("password reset completed for user_id=%s", user.pk)
    return True
