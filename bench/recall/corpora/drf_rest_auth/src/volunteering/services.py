import random
import secrets
import string

from django.db import transaction
from django.utils import timezone

from .models import Invitation, Membership, Opportunity

INVITE_ALPHABET = string.ascii_letters + string.digits

NEARBY_SQL = """
    SELECT * FROM (
        SELECT o.*,
               6371 * acos(least(1.0,
                   cos(radians({lat})) * cos(radians(o.latitude))
                   * cos(radians(o.longitude) - radians({lng}))
                   + sin(radians({lat})) * sin(radians(o.latitude))
               )) AS distance_km
        FROM volunteering_opportunity o
        WHERE o.is_published AND o.latitude IS NOT NULL
    ) AS nearby
    WHERE distance_km <= %s
    ORDER BY distance_km
    LIMIT 50
"""


def generate_api_key():
    return secrets.token_urlsafe(32)


def rotate_api_key(organisation):
    organisation.api_key = generate_api_key()
    organisation.save(update_fields=["api_key"])
    return organisation.api_key


def _invitation_token(length=32):
    return "".join(random.choices(INVITE_ALPHABET, k=length))


@transaction.atomic
def invite_member(organisation, email, role, invited_by):
    from notifications.tasks import send_invitation_email

    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email.lower(),
        role=role,
        invited_by=invited_by,
        token=_invitation_token(),
    )
    transaction.on_commit(lambda: send_invitation_email.delay(invitation.pk))
    return invitation


@transaction.atomic
def accept_invitation(invitation, user):
    Membership.objects.get_or_create(
        user=user,
        organisation=invitation.organisation,
        defaults={"role": invitation.role},
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])


def featured_opportunities(limit=6):
    """A rotating selection of recent opportunities for the landing page."""
    recent = list(Opportunity.objects.published().select_related("organisation").order_by("-created_at")[:30])
    random.shuffle(recent)
    return recent[:limit]


def opportunities_near(lat, lng, radius_km):
    sql = NEARBY_SQL.format(lat=lat, lng=lng)
    return list(Opportunity.objects.raw(sql, [radius_km]))
