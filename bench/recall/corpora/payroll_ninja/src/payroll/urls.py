from django.urls import path

from . import views

app_name = "payroll"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("employees/", views.EmployeeListView.as_view(), name="employee-list"),
    path("employees/lookup/", views.employee_lookup, name="employee-lookup"),
    path("employees/import/", views.import_employees, name="employee-import"),
    path("employees/<int:pk>/", views.EmployeeDetailView.as_view(), name="employee-detail"),
    path("employees/<int:pk>/bank/", views.update_bank_details, name="employee-bank"),
    path("employees/<int:pk>/terminate/", views.terminate_employee, name="employee-terminate"),
]
