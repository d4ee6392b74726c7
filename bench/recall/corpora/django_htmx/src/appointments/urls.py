from django.urls import path

from . import views

app_name = "appointments"

urlpatterns = [
    path("", views.AppointmentListView.as_view(), name="list"),
    path("new/", views.AppointmentCreateView.as_view(), name="create"),
    path("waiting-room/", views.WaitingRoomView.as_view(), name="waiting_room"),
    path("patients/search/", views.patient_search, name="patient_search"),
    path("patients/<int:patient_pk>/contact/", views.edit_patient_contact, name="edit_contact"),
    path("<int:pk>/", views.AppointmentDetailView.as_view(), name="detail"),
    path("<int:pk>/cancel/", views.cancel_appointment, name="cancel"),
    path("<int:pk>/check-in/", views.check_in, name="check_in"),
    path("<int:pk>/notes/", views.add_note, name="add_note"),
    path("check-in/<str:code>/", views.public_check_in, name="public_check_in"),
]
