from django.urls import path

from . import views

app_name = "venues"

urlpatterns = [
    path("", views.VenueListView.as_view(), name="list"),
    path("<slug:slug>/", views.venue_detail, name="detail"),
]
