import logging
import random
import string
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.notifications import notify_access_request

from .models import Invitation

logger = logging.getLogger(__name__)

INVITE_ALPHABET = string.ascii_letters + string.digits
INVITE_VALID_FOR = timedelta(days=7)


def make_invite_code(length=24):
    return "".join(random.choices(INVITE_ALPHABET, k=length))


def create_invitation(email, created_by=None, employee=None):
    Invitation.objects.filter(email__iexact=email, accepted_at__isnull=True).delete()
    invitation = Invitation.objects.create(
        email=email,
        token=make_invite_code(),
        employee=employee,
        created_by=created_by,
        expires_at=timezone.now() + INVITE_VALID_FOR,
    )
    send_invitation_email(invitation)
    return invitation


def send_invitation_email(invitation):
    link = settings.INTRANET_BASE_URL + reverse("accounts:invite-accept", args=[invitation.token])
    body = render_to_string("accounts/email/invitation.txt", {"invitation": invitation, "link": link})
    send_mail("Your intranet account", body, None, [invitation.email])


def send_password_reset(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = settings.INTRANET_BASE_URL + reverse("accounts:password-reset-confirm", args=[uid, token])
    body = render_to_string("accounts/email/password_reset.txt", {"user": user, "link": link})
    send_mail("Reset your intranet password", body, None, [user.email])
    logger.info("Password reset requested for user id=%s", user.pk)


def notify_it_of_access_request(user):
    access_request = user.access_request
    body = render_to_string("accounts/email/access_request.txt", {"user": user, "request": access_request})
    send_mail(f"Intranet access request: {user.get_full_name()}", body, None, [settings.IT_SERVICE_DESK_EMAIL])
    send_mail("We received your access request", body, None, [user.email, access_request.sponsor_email])
    notify_access_request(user, access_request.company)
