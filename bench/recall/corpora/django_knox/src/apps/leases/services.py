import random
import string
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from apps.notifications.tasks import send_lease_invite

from .models import Lease, LeaseInvite, Notice

INVITE_ALPHABET = string.ascii_uppercase + string.digits


def _invite_code(length: int = 8) -> str:
    return "".join(random.choices(INVITE_ALPHABET, k=length))


def invite_tenant(lease: Lease, email: str) -> LeaseInvite:
    invite = LeaseInvite.objects.create(lease=lease, email=email.lower(), code=_invite_code())
    transaction.on_commit(lambda: send_lease_invite.delay(invite.pk))
    return invite


def apply_rent_increase(lease: Lease, percent: Decimal, effective_date, author, message: str = "") -> Notice:
    if percent <= 0 or percent > 25:
        raise ValueError("Rent increases must be between 0 and 25 percent.")
    new_rent = (lease.monthly_rent * (1 + percent / 100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    body = message or (
        f"Your monthly rent will change from ${lease.monthly_rent} to ${new_rent} "
        f"starting {effective_date:%B %d, %Y}."
    )
    with transaction.atomic():
        notice = Notice.objects.create(
            lease=lease,
            kind=Notice.Kind.RENT_INCREASE,
            subject="Rent adjustment",
            body=body,
            effective_date=effective_date,
            author=author,
        )
        lease.monthly_rent = new_rent
        lease.save(update_fields=["monthly_rent"])
    return notice
