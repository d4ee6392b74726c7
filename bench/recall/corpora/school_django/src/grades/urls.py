from django.urls import path

from . import views

app_name = "grades"

urlpatterns = [
    path("", views.gradebook, name="gradebook"),
    path("<int:assessment_id>/<int:student_id>/", views.enter_grade, name="enter"),
]
