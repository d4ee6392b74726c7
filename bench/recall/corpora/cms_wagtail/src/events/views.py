from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from .models import EventPage


@require_GET
def venue_events_fragment(request):
    """HTMX fragment listing upcoming events at a venue (used on the venue map)."""
    venue_slug = request.GET.get("venue", "")
    events = list(
        EventPage.objects.live()
        .public()
        .upcoming()
        .filter(venue__slug=venue_slug)
        .select_related("venue")[:10]
    )
    if not events:
        return HttpResponse(f'<p class="empty">No upcoming events at <em>{venue_slug}</em> right now.</p>')
    items = format_html_join(
        "\n",
        '<li><a href="{}">{}</a> <time>{}</time></li>',
        ((event.url, event.title, event.start.strftime("%-d %b, %H:%M")) for event in events),
    )
    return HttpResponse(format_html('<ul class="venue-events">{}</ul>', items))


@require_GET
def event_ical(request, page_id):
    event_page = get_object_or_404(EventPage.objects.live().public(), pk=page_id)

    cal = Calendar()
    cal.add("prodid", "-//Northfield Arts Board//artsboard.org//EN")
    cal.add("version", "2.0")

    event = Event()
    event.add("uid", f"event-{event_page.pk}@artsboard.org")
    event.add("summary", event_page.title)
    event.add("dtstart", event_page.start)
    event.add("dtend", event_page.end)
    event.add("dtstamp", timezone.now())
    if event_page.venue:
        event.add("location", event_page.venue.address or event_page.venue.name)
    event.add("url", event_page.full_url)
    cal.add_component(event)

    response = HttpResponse(cal.to_ical(), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="event-{event_page.pk}.ics"'
    return response
