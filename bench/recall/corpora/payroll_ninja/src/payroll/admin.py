from django.contrib import admin

from .models import Announcement, Department, Employee, PayPeriod, Payslip

admin.site.register(Department)
admin.site.register(PayPeriod)


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    list_display = ("employee_no", "last_name", "first_name", "department", "status")
    list_filter = ("status", "department")
    search_fields = ("employee_no", "last_name", "work_email")
    exclude = ("iban", "bic", "ni_number")


@admin.register(Payslip)
class PayslipAdmin(admin.ModelAdmin):
    list_display = ("employee", "period", "gross", "net", "emailed_at")
    list_filter = ("period",)
    exclude = ("view_token",)


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ("title", "published", "created_at")
    exclude = ("created_by",)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
