from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.EmployeeListView.as_view(), name="employee-list"),
    path("<int:pk>/", views.EmployeeDetailView.as_view(), name="employee-detail"),
    path("<int:pk>/edit/", views.EmployeeUpdateView.as_view(), name="employee-edit"),
]
