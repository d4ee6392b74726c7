from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("feeds/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
    path("o/<slug:org_slug>/<slug:slug>/", views.opportunity_detail, name="opportunity"),
    path("o/<slug:org_slug>/<slug:slug>/report/", views.report_listing, name="report-listing"),
]
