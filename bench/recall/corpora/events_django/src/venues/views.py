from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import ListView

from events.models import Event

from .models import Venue


class VenueListView(ListView):
    model = Venue
    template_name = "venues/venue_list.html"
    context_object_name = "venues"
    paginate_by = 30

    def get_queryset(self):
        qs = Venue.objects.annotate(
            upcoming=Count("events", filter=Q(events__starts_at__gte=timezone.now(), events__status="published"))
        )
        city = self.request.GET.get("city")
        if city:
            qs = qs.filter(city__iexact=city)
        return qs


def venue_detail(request, slug):
    venue = get_object_or_404(Venue, slug=slug)
    upcoming = Event.objects.raw(
        "SELECT e.* FROM events_event e "
        "WHERE e.venue_id = %s AND e.status = %s AND e.starts_at >= %s "
        "ORDER BY e.starts_at LIMIT 20",
        [venue.pk, "published", timezone.now()],
    )
    return render(request, "venues/venue_detail.html", {"venue": venue, "upcoming": list(upcoming)})
