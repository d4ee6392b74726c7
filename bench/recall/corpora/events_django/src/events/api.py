from typing import List

from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from accounts.auth import OrganizerBearer
from venues.models import Venue

from .models import Event, TicketType
from .schemas import EventDetailOut, EventFilter, EventIn, EventOut

router = Router(tags=["events"])

PUBLIC_THROTTLE = [AnonRateThrottle("120/m"), AuthRateThrottle("600/m")]


@router.get("/", response=List[EventOut], auth=None, throttle=PUBLIC_THROTTLE)
@paginate
def list_events(request, filters: EventFilter = Query(...)):
    qs = Event.objects.published().upcoming().select_related("venue", "category")
    return filters.filter(qs)


@router.get("/{slug}", response=EventDetailOut, auth=None, throttle=PUBLIC_THROTTLE)
def get_event(request, slug: str):
    qs = Event.objects.exclude(status=Event.Status.DRAFT).select_related("venue", "category")
    return get_object_or_404(qs.prefetch_related("ticket_types"), slug=slug)


@router.post("/", response={201: EventDetailOut}, auth=OrganizerBearer())
def create_event(request, payload: EventIn):
    venue = get_object_or_404(Venue, pk=payload.venue_id)
    data = payload.dict(exclude={"ticket_types", "venue_id"})
    with transaction.atomic():
        event = Event.objects.create(organizer=request.auth, venue=venue, **data)
        TicketType.objects.bulk_create(
            [TicketType(event=event, **tt.dict()) for tt in payload.ticket_types]
        )
    return 201, event
