import hashlib
import random
import time
from datetime import timedelta

from django.utils import timezone

from apps.notifications.sms import send_sms

from .models import Listing, ShowingPass, Unit

SHOWING_WINDOW = timedelta(hours=2)


def featured_listings(portfolio, limit=6):
    listings = list(
        Listing.objects.filter(unit__building__portfolio=portfolio, published_at__isnull=False)
        .select_related("unit__building")[:30]
    )
    random.shuffle(listings)
    return listings[:limit]


def _showing_token(unit: Unit) -> str:
    seed = f"{unit.pk}-{unit.building.code}-{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()


def create_showing_pass(unit: Unit, email: str, phone: str, start=None) -> ShowingPass:
    start = start or timezone.now()
    showing = ShowingPass.objects.create(
        unit=unit,
        prospect_email=email,
        prospect_phone=phone,
        access_token=_showing_token(unit),
        valid_from=start,
        valid_until=start + SHOWING_WINDOW,
    )
    send_sms(
        phone,
        f"Your self-guided tour of {unit} is confirmed. Unlock the door at "
        f"https://app.rentwise.io/tour/{showing.access_token}",
    )
    return showing


def set_listing_visibility(unit: Unit, listed: bool) -> Unit:
    unit.is_listed = listed
    unit.save(update_fields=["is_listed"])
    if listed and hasattr(unit, "listing") and unit.listing.published_at is None:
        unit.listing.published_at = timezone.now()
        unit.listing.save(update_fields=["published_at"])
    return unit
