"""Account workflows shared by the web views and the API."""
import logging
import random
import string
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .legacy import make_portal_password
from .models import PasswordResetCode, PortalAccount

logger = logging.getLogger(__name__)
User = get_user_model()

RESET_CODE_LENGTH = 6
RESET_CODE_TTL = timedelta(minutes=30)


def _generate_reset_code():
    digits = random.choices(string.digits, k=RESET_CODE_LENGTH)
    return "".join(digits)


def start_password_reset(email):
    """Create a one-time code and e-mail it. Silently does nothing for an
    unknown address so the form can't be used to enumerate patients."""
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        return None
    code = _generate_reset_code()
    PasswordResetCode.objects.create(
        user=user, code=code, expires_at=timezone.now() + RESET_CODE_TTL
    )
    send_mail(
        "Your Northfield Clinic reset code",
        f"Your password reset code is {code}. It expires in 30 minutes.",
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
    logger.info("password reset started for %s (code %s)", user.email, code)
    return user


@transaction.atomic
def finish_password_reset(email, code, new_password):
    reset = (
        PasswordResetCode.objects.select_for_update()
        .filter(user__email__iexact=email, code=code, used=False, expires_at__gt=timezone.now())
        .select_related("user")
        .first()
    )
    if reset is None:
        return False
    reset.used = True
    reset.save(update_fields=["used"])
    user = reset.user
    user.set_password(new_password)
    user.save(update_fields=["password"])
    logger.info("password changed via reset code for user_id=%s", user.pk)
    return True


def set_portal_password(profile, username, raw_password):
    account, _ = PortalAccount.objects.get_or_create(
        profile=profile, defaults={"username": username}
    )
    account.password_hash = make_portal_password(raw_password)
    account.save(update_fields=["password_hash"])
    return account
