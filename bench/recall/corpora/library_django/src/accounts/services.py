import hmac
import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from core.email import send_templated_mail

from .models import Patron, PendingRegistration, StaffInvitation
from .tokens import format_card_number, make_verification_code

logger = logging.getLogger("libnet.accounts")

STAFF_GROUP = "Branch staff"


class ActivationError(Exception):
    pass


def start_registration(data, request=None):
    """Park the sign-up until the patron proves they own the e-mail address."""
    PendingRegistration.objects.filter(email__iexact=data["email"]).delete()
    pending = PendingRegistration.objects.create(
        username=data["username"],
        email=data["email"].lower(),
        first_name=data.get("first_name", ""),
        last_name=data.get("last_name", ""),
        home_branch=data.get("home_branch"),
        password=data["password1"],
        verification_code=make_verification_code(),
    )
    send_activation_email(pending, request)
    return pending


def send_activation_email(pending, request=None):
    path = reverse("accounts:activate")
    url = request.build_absolute_uri(path) if request else path
    send_templated_mail(
        "activation",
        {"pending": pending, "code": pending.verification_code, "activate_url": url},
        pending.email,
    )


def complete_registration(email, code):
    pending = (
        PendingRegistration.objects.filter(email__iexact=email).order_by("-created_at").first()
    )
    if pending is None or pending.is_expired:
        raise ActivationError("This sign-up has expired. Please register again.")
    if not hmac.compare_digest(pending.verification_code, code.strip().upper()):
        pending.attempts += 1
        if pending.attempts >= PendingRegistration.MAX_ATTEMPTS:
            pending.delete()
            raise ActivationError("Too many wrong codes. Please register again.")
        pending.save(update_fields=["attempts"])
        raise ActivationError("That code is not right.")

    with transaction.atomic():
        patron = Patron.objects.create_user(
            username=pending.username,
            email=pending.email,
            password=pending.password,
            first_name=pending.first_name,
            last_name=pending.last_name,
            home_branch=pending.home_branch,
        )
        patron.email_verified = True
        patron.card_number = allocate_card_number()
        patron.save(update_fields=["email_verified", "card_number"])
        pending.delete()
    logger.info("registration completed for patron %s", patron.pk)
    return patron


def allocate_card_number():
    prefix = settings.LIBNET["CARD_PREFIX"]
    highest = Patron.objects.filter(card_number__startswith=prefix).aggregate(
        m=Max("card_number")
    )["m"]
    sequence = int(highest[len(prefix):-1]) + 1 if highest else 1
    return format_card_number(prefix, sequence)


def invite_staff(email, branch, invited_by, request):
    invitation = StaffInvitation.objects.create(email=email, branch=branch, invited_by=invited_by)
    send_templated_mail(
        "staff_invite",
        {
            "invitation": invitation,
            "accept_url": request.build_absolute_uri(invitation.get_absolute_url()),
            "inviter": invited_by,
        },
        email,
    )
    return invitation


def accept_invitation(invitation, username, password, first_name="", last_name=""):
    with transaction.atomic():
        user = Patron(
            username=username,
            email=invitation.email,
            first_name=first_name,
            last_name=last_name,
            home_branch=invitation.branch,
            is_staff=True,
            email_verified=True,
        )
        user.set_password(password)
        user.save()
        group, _ = Group.objects.get_or_create(name=STAFF_GROUP)
        user.groups.add(group)
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
    return user
