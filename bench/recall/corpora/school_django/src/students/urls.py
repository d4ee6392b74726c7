from django.urls import path

from . import views

app_name = "students"

urlpatterns = [
    path("", views.student_search, name="search"),
    path("me/edit/", views.edit_my_profile, name="edit_profile"),
    path("<int:pk>/", views.StudentDetailView.as_view(), name="detail"),
    path("<int:pk>/kiosk-pin/", views.set_kiosk_pin, name="kiosk_pin"),
]
