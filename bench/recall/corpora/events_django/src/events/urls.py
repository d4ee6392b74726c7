from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("category/<slug:category>/", views.EventListView.as_view(), name="category"),
    path("search/", views.search, name="search"),
    path("view-mode/", views.set_view_mode, name="view_mode"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]
