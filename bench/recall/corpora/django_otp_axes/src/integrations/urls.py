from django.urls import path

from . import views

app_name = "integrations"

urlpatterns = [
    path("cards/events/", views.card_event_webhook, name="card-events"),
]
