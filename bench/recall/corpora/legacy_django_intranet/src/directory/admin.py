from django.contrib import admin
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin
from import_export.widgets import ForeignKeyWidget

from .models import Department, Employee


class EmployeeResource(resources.ModelResource):
    department = fields.Field(
        column_name="department",
        attribute="department",
        widget=ForeignKeyWidget(Department, "code"),
    )
    manager = fields.Field(
        column_name="manager_number",
        attribute="manager",
        widget=ForeignKeyWidget(Employee, "employee_number"),
    )

    class Meta:
        model = Employee
        import_id_fields = ["employee_number"]
        fields = (
            "employee_number",
            "first_name",
            "last_name",
            "email",
            "job_title",
            "department",
            "manager",
            "phone",
            "office",
            "hire_date",
            "is_active",
        )
        skip_unchanged = True
        report_skipped = True


@admin.register(Employee)
class EmployeeAdmin(ImportExportModelAdmin):
    resource_class = EmployeeResource
    list_display = ("employee_number", "last_name", "first_name", "department", "job_title", "is_active")
    list_filter = ("department", "is_active", "office")
    search_fields = ("first_name", "last_name", "email", "employee_number")
    raw_id_fields = ("user", "manager")


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "parent", "head")
    search_fields = ("name", "code")
    raw_id_fields = ("head",)
