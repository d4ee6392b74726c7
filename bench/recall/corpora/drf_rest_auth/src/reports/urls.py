from django.urls import path

from .views import CityHoursReportView, LeaderboardView, ShiftAttendanceView

urlpatterns = [
    path("city-hours/", CityHoursReportView.as_view(), name="report-city-hours"),
    path("organisations/<slug:slug>/leaderboard/", LeaderboardView.as_view(), name="report-leaderboard"),
    path("organisations/<slug:slug>/attendance/", ShiftAttendanceView.as_view(), name="report-attendance"),
]
