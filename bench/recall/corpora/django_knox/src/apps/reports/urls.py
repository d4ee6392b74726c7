from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("rent-roll/", views.RentRollView.as_view(), name="rent-roll"),
    path("arrears/", views.ArrearsView.as_view(), name="arrears"),
    path("occupancy/", views.OccupancyView.as_view(), name="occupancy"),
    path("analytics/<slug:dashboard>/", views.AnalyticsEmbedView.as_view(), name="analytics-embed"),
]
