from typing import List, Optional

from django.shortcuts import get_object_or_404
from ninja import ModelSchema, Router
from ninja.pagination import paginate
from ninja.throttling import AnonRateThrottle

from .models import Venue

router = Router(tags=["venues"])


class VenueOut(ModelSchema):
    class Meta:
        model = Venue
        fields = ["id", "name", "slug", "address", "postcode", "city", "country", "capacity", "website"]


@router.get("/", response=List[VenueOut], auth=None, throttle=[AnonRateThrottle("120/m")])
@paginate
def list_venues(request, city: Optional[str] = None):
    qs = Venue.objects.all()
    if city:
        qs = qs.filter(city__iexact=city)
    return qs


@router.get("/{slug}", response=VenueOut, auth=None, throttle=[AnonRateThrottle("120/m")])
def get_venue(request, slug: str):
    return get_object_or_404(Venue, slug=slug)
