"""Members can invite colleagues; the invite link pre-verifies their email."""

import random
import string
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone

from .models import Invitation

INVITE_ALPHABET = string.ascii_letters + string.digits
INVITE_CODE_LENGTH = 32
INVITE_VALID_FOR = timedelta(days=14)


def _invite_code():
    return "".join(random.choice(INVITE_ALPHABET) for _ in range(INVITE_CODE_LENGTH))


def create_invitation(inviter, email):
    invitation = Invitation.objects.create(
        inviter=inviter,
        email=email.lower(),
        code=_invite_code(),
        expires_at=timezone.now() + INVITE_VALID_FOR,
    )
    return invitation


def invitation_url(invitation):
    return settings.WAGTAILADMIN_BASE_URL + reverse("members:accept_invite", args=[invitation.code])


def send_invitation_email(invitation):
    inviter_name = invitation.inviter.get_full_name() or invitation.inviter.email
    send_mail(
        subject=f"{inviter_name} has invited you to join the Northfield Arts Board",
        message=(
            f"{inviter_name} thinks you'd like to become a member of the Northfield Arts Board.\n\n"
            f"Accept the invitation here (valid for 14 days):\n{invitation_url(invitation)}\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )


def accept_invitation(code):
    invitation = Invitation.objects.filter(code=code).select_related("inviter").first()
    if invitation is None or not invitation.is_valid():
        return None
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return invitation
