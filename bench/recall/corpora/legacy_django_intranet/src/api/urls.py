from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("token/", views.ObtainDashboardTokenView.as_view(), name="token"),
    path("dashboard/stats/", views.dashboard_stats, name="dashboard-stats"),
    path("dashboard/team/", views.team_cards, name="team-cards"),
    path("leave/<int:pk>/decision/", views.leave_decision, name="leave-decision"),
    path("kiosk/announcements/", views.kiosk_announcements, name="kiosk-announcements"),
    path("metrics/", views.metrics, name="metrics"),
]
