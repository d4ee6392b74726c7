from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Invitation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (("Payroll", {"fields": ("kind", "phone", "email_verified_at")}),)
    list_display = ("username", "email", "kind", "is_active", "last_login")
    list_filter = ("kind", "is_active", "is_staff")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "invited_by", "created_at", "accepted_at")
    readonly_fields = ("token",)
