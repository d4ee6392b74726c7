from django.urls import path

from . import views

app_name = "appointments"

urlpatterns = [
    path("", views.AppointmentListView.as_view(), name="list"),
    path("book/", views.book_appointment, name="book"),
    path("<int:pk>/", views.AppointmentDetailView.as_view(), name="detail"),
    path("clinicians/<int:pk>/", views.ClinicianDetailView.as_view(), name="clinician"),
    path("c/<str:code>/", views.confirm_attendance, name="confirm"),
    path("c/<str:code>/confirm/", views.confirm_attendance_submit, name="confirm_submit"),
    path("c/<str:code>/cancel/", views.cancel_appointment, name="cancel"),
    path("reception/search/", views.patient_search, name="patient_search"),
    path("reception/slot-hint/", views.slot_hint, name="slot_hint"),
    path("reception/day/<int:clinician_id>/<str:day>/", views.day_sheet, name="day_sheet"),
]
