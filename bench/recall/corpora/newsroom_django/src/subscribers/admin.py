from django.contrib import admin

from .models import Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "full_name", "plan", "plan_expires_at", "is_active", "created_at"]
    list_filter = ["plan", "is_active", "email_verified"]
    search_fields = ["email", "last_name", "print_account_number", "stripe_customer_id"]
    exclude = ["password_hash"]
    filter_horizontal = ["newsletters"]
