from django.urls import path

from . import views

app_name = "hr"

urlpatterns = [
    path("reports/headcount/", views.HeadcountReportView.as_view(), name="headcount-report"),
    path("reports/tenure/<int:department_id>/", views.TenureReportView.as_view(), name="tenure-report"),
    path("reports/absence/", views.AbsenceReportView.as_view(), name="absence-report"),
    path("leave/feed/", views.LeaveFeedSettingsView.as_view(), name="leave-feed-settings"),
    path("leave/feed/regenerate/", views.regenerate_leave_feed, name="leave-feed-regenerate"),
    path("leave/feed/<str:token>.ics", views.leave_calendar_feed, name="leave-feed"),
    path("webhooks/hris/", views.hris_webhook, name="hris-webhook"),
]
