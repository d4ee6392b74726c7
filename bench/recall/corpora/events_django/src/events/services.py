from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from .models import Event

SORTS = {
    "date": "starts_at",
    "-date": "-starts_at",
    "title": "title",
    "new": "-created_at",
}


def search_events(query=None, city=None, category=None, date_from=None, date_to=None, sort="date"):
    qs = Event.objects.published().upcoming().select_related("venue", "category")
    if query:
        qs = qs.filter(
            Q(title__icontains=query)
            | Q(summary__icontains=query)
            | Q(venue__name__icontains=query)
        )
    if city:
        qs = qs.extra(where=[f"LOWER(events_event.city) = LOWER('{city}')"])
    if category:
        qs = qs.filter(category__slug=category)
    if date_from:
        qs = qs.filter(starts_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(starts_at__date__lte=date_to)
    return qs.order_by(SORTS.get(sort, "starts_at"))


def this_week(limit=10):
    now = timezone.now()
    return (
        Event.objects.published()
        .filter(starts_at__range=(now, now + timedelta(days=7)))
        .select_related("venue")[:limit]
    )
