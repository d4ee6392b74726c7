from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("auth/token/", views.MobileTokenView.as_view(), name="token"),
    path("auth/refresh/", views.RefreshTokenView.as_view(), name="refresh"),
    path("auth/resume/", views.ResumeSessionView.as_view(), name="resume"),
    path("me/grades/", views.MyGradesView.as_view(), name="my_grades"),
    path("me/timetable/", views.MyTimetableView.as_view(), name="my_timetable"),
    path("children/<int:student_id>/grades/", views.ChildGradesView.as_view(), name="child_grades"),
    path("kiosk/checkin/", views.KioskCheckinView.as_view(), name="kiosk_checkin"),
]
