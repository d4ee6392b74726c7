from django.urls import path

from . import views

app_name = "teachers"

urlpatterns = [
    path("", views.TeacherListView.as_view(), name="list"),
    path("add/", views.add_teacher, name="add"),
    path("<int:pk>/password/", views.set_teacher_password, name="set_password"),
]
