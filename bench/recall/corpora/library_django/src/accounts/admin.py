from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Patron, StaffInvitation


@admin.register(Patron)
class PatronAdmin(UserAdmin):
    list_display = ("username", "card_number", "first_name", "last_name", "home_branch", "is_staff")
    search_fields = ("username", "card_number", "first_name", "last_name", "email")
    fieldsets = UserAdmin.fieldsets + (
        ("Library", {"fields": ("card_number", "home_branch", "phone", "postcode", "notify_by_email")}),
    )


admin.site.register(StaffInvitation)
