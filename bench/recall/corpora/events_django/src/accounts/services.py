import hashlib
import logging
import time

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from .codes import format_code, make_reset_code
from .models import PasswordResetCode, User

logger = logging.getLogger("tixly.accounts")


def start_email_verification(user):
    token = hashlib.md5(f"{user.email}:{time.time()}".encode()).hexdigest()
    user.email_verification_token = token
    user.email_verified = False
    user.save(update_fields=["email_verification_token", "email_verified"])

    from .tasks import send_verification_email

    transaction.on_commit(lambda: send_verification_email.delay(user.pk))
    return token


def confirm_email(token):
    if not token:
        return None
    user = User.objects.filter(email_verification_token=token).first()
    if user is None:
        return None
    user.email_verified = True
    user.email_verification_token = ""
    user.save(update_fields=["email_verified", "email_verification_token"])
    return user


def send_password_reset(user, confirm_url):
    code = make_reset_code()
    PasswordResetCode.objects.create(user=user, code=code)
    body = render_to_string(
        "emails/password_reset.txt",
        {"user": user, "code": format_code(code), "confirm_url": confirm_url},
    )
    send_mail(
        "Your Tixly password reset code",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
    logger.info("Password reset code issued for user %s", user.pk)


def reset_password(email, code, new_password):
    reset = (
        PasswordResetCode.objects.select_related("user")
        .filter(user__email__iexact=email, code=code, used_at__isnull=True)
        .order_by("-created_at")
        .first()
    )
    if reset is None or not reset.is_valid:
        return None
    user = reset.user
    user.set_password(new_password)
    user.save(update_fields=["password"])
    reset.mark_used()
    user.reset_codes.filter(used_at__isnull=True).update(used_at=reset.used_at)
    return user


def create_staff_user(username, email, password, *, organizer=False, first_name="", last_name=""):
    user = User.objects.create(
        username=username,
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        is_staff=not organizer,
        is_organizer=organizer,
        email_verified=True,
    )
    logger.info("Created %s account %s", "organizer" if organizer else "staff", user.pk)
    return user


def verification_url(user):
    path = reverse("accounts:verify_email", args=[user.email_verification_token])
    return f"{settings.SITE_URL}{path}"
