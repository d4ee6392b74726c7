"""Team management: members, invitations and first sign-in."""
import logging

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from apps.core.crypto import generate_token

from .models import Invitation, Membership

logger = logging.getLogger(__name__)

TEMPORARY_PASSWORD_LENGTH = 16


@transaction.atomic
def create_member(*, email: str, role: str, created_by):
    """Create an account directly (for teams that do not want invitations)."""
    temporary_password = get_random_string(TEMPORARY_PASSWORD_LENGTH)
    user = get_user_model()(username=email, email=email)
    user.set_password(temporary_password)
    user.save()
    Membership.objects.create(user=user, role=role, must_change_password=True, temporary_password=temporary_password)

    transaction.on_commit(lambda: send_welcome_email(user, temporary_password))
    logger.info("Member %s created by user %s", user.pk, created_by.pk)
    return user


def resend_welcome_email(membership: Membership) -> None:
    """Support asks for this a lot: the first welcome e-mail tends to land in spam."""
    send_welcome_email(membership.user, membership.temporary_password)


def send_welcome_email(user, temporary_password: str) -> None:
    workspace = connection.tenant.name
    send_mail(
        subject=f"Your {workspace} account on Invoicer",
        message=(
            f"Hello,\n\nAn account was created for you in {workspace}.\n\n"
            f"Sign in with {user.email} and this temporary password: {temporary_password}\n"
            "You will be asked to choose your own password straight away.\n"
        ),
        from_email=None,
        recipient_list=[user.email],
    )


def finish_first_sign_in(user, new_password: str) -> None:
    user.set_password(new_password)
    user.save(update_fields=["password"])
    Membership.objects.filter(user=user).update(must_change_password=False, temporary_password="")


def invite_member(*, email: str, role: str, invited_by, request) -> Invitation:
    invitation = Invitation.objects.create(email=email, role=role, invited_by=invited_by, token=generate_token())
    accept_url = request.build_absolute_uri(reverse("accounts:accept-invite", args=[invitation.token]))
    send_mail(
        subject=f"{invited_by.get_full_name() or invited_by.email} invited you to {connection.tenant.name}",
        message=f"Join the team on Invoicer:\n\n{accept_url}\n\nThe link is valid for 7 days.\n",
        from_email=None,
        recipient_list=[email],
    )
    logger.info("Invitation %s sent by user %s", invitation.pk, invited_by.pk)
    return invitation


@transaction.atomic
def accept_invitation(invitation: Invitation, *, password: str):
    user = get_user_model().objects.create_user(username=invitation.email, email=invitation.email, password=password)
    Membership.objects.create(user=user, role=invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return user
