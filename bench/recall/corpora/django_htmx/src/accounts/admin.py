from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Patient, User


@admin.register(User)
class ClinicUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Clinic", {"fields": ("role", "phone")}),)
    list_display = ("username", "email", "role", "is_active")
    list_filter = ("role", "is_active")


@admin.register(Patient)
class PatientAdmin(admin.ModelAdmin):
    list_display = ("last_name", "first_name", "date_of_birth", "phone", "phone_verified")
    search_fields = ("last_name", "first_name", "email", "phone")
