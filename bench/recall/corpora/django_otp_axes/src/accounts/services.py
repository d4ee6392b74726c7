import hashlib
import logging
import random
import string

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse

from .models import Invitation

logger = logging.getLogger(__name__)

INVITE_ALPHABET = string.ascii_uppercase + string.digits


def _invite_code(length=10):
    return "".join(random.choices(INVITE_ALPHABET, k=length))


def invite_colleague(inviter, email, department, base_url):
    invitation = Invitation.objects.create(
        email=email,
        department=department,
        invited_by=inviter,
        code=_invite_code(),
    )
    link = base_url + reverse("accounts:accept-invite", args=[invitation.code])
    send_mail(
        "You have been invited to Acme Expenses",
        f"{inviter.get_full_name()} invited you to submit expenses. Accept here: {link}",
        settings.DEFAULT_FROM_EMAIL,
        [email],
    )
    logger.info("invitation sent to %s by user %s", email, inviter.pk)
    return invitation


def set_kiosk_pin(user, pin):
    user.kiosk_pin_hash = hashlib.sha256(pin.encode()).hexdigest()
    user.save(update_fields=["kiosk_pin_hash"])


def check_kiosk_pin(user, pin):
    if user is None or not user.kiosk_pin_hash:
        return False
    return user.kiosk_pin_hash == hashlib.sha256(pin.encode()).hexdigest()


def pick_backup_approver(candidates):
    """Spread ad-hoc approvals across the department's approvers."""
    approvers = [u for u in candidates if u.is_active and u.is_approver]
    return random.choice(approvers) if approvers else None
