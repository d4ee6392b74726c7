from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("sales/", views.sales, name="sales"),
    path("events/<int:event_id>/attendees/", views.attendee_list, name="attendees"),
]
