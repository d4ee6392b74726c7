from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("export/status.csv", views.StatusExportView.as_view(), name="status_export"),
    path("no-shows.json", views.NoShowJsonView.as_view(), name="no_shows"),
]
