from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import ScannerDevice, User


@admin.register(User)
class TixUserAdmin(UserAdmin):
    list_display = ("username", "email", "is_organizer", "is_staff", "email_verified")
    fieldsets = UserAdmin.fieldsets + (
        ("Tixly", {"fields": ("phone", "is_organizer", "email_verified", "marketing_opt_in", "reminder_emails")}),
    )


@admin.register(ScannerDevice)
class ScannerDeviceAdmin(admin.ModelAdmin):
    list_display = ("name", "venue", "key_prefix", "is_active", "last_seen_at")
    readonly_fields = ("key_prefix", "key_hash", "created_at", "last_seen_at")
