from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("venue-fragment/", views.venue_events_fragment, name="venue_fragment"),
    path("<int:page_id>/calendar.ics", views.event_ical, name="ical"),
]
