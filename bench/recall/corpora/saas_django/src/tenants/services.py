import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ledgerly.utils import generate_token

from .models import Invitation, Membership, Tenant

logger = logging.getLogger("ledgerly.tenants")

INVITATION_TTL = timedelta(days=7)


class InvitationError(Exception):
    pass


def tenant_url(tenant, path):
    return f"https://{tenant.slug}.{settings.LEDGERLY_ROOT_DOMAIN}{path}"


def create_invitation(tenant, email, role, invited_by):
    email = email.strip().lower()
    if tenant.memberships.filter(user__email__iexact=email, is_active=True).exists():
        raise InvitationError(f"{email} is already a member of {tenant.name}.")

    invitation = Invitation.objects.create(
        tenant=tenant,
        email=email,
        role=role,
        token=generate_token(40),
        invited_by=invited_by,
        expires_at=timezone.now() + INVITATION_TTL,
    )
    send_invitation_email(invitation)
    logger.info("Invitation %s sent to tenant=%s by user=%s", invitation.pk, tenant.pk, invited_by.pk)
    return invitation


def send_invitation_email(invitation):
    accept_url = tenant_url(invitation.tenant, reverse("tenants:accept-invite", args=[invitation.token]))
    context = {"invitation": invitation, "accept_url": accept_url}
    send_mail(
        subject=f"You're invited to {invitation.tenant.name} on Ledgerly",
        message=render_to_string("emails/invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def accept_invitation(invitation, user):
    if not invitation.is_usable:
        raise InvitationError("This invitation has expired or was already used.")
    if user.email.lower() != invitation.email:
        raise InvitationError("This invitation was sent to a different address.")
    Membership.objects.update_or_create(
        tenant=invitation.tenant,
        user=user,
        defaults={"role": invitation.role, "is_active": True},
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return invitation.tenant


@transaction.atomic
def create_tenant_for_owner(name, slug, owner):
    tenant = Tenant.objects.create(
        name=name,
        slug=slug,
        trial_ends_at=timezone.now() + timedelta(days=30),
    )
    Membership.objects.create(tenant=tenant, user=owner, role=Membership.ROLE_OWNER)
    return tenant
