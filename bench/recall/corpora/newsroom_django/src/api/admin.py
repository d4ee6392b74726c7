from django.contrib import admin, messages

from .models import Partner


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "contact_email", "is_active", "created_at"]
    prepopulated_fields = {"slug": ["name"]}
    exclude = ["api_key"]
    actions = ["issue_new_key"]

    @admin.action(description="Issue a new API key")
    def issue_new_key(self, request, queryset):
        for partner in queryset:
            key = partner.rotate_key()
            self.message_user(request, f"{partner.name}: new key {key}", messages.WARNING)
