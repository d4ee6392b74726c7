from django.contrib import admin

from .models import Issue, Newsletter
from .tasks import send_issue


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    list_display = ["name", "cadence", "is_public"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["subject", "newsletter", "scheduled_for", "sent_at", "recipients_count"]
    list_filter = ["newsletter"]
    filter_horizontal = ["articles"]
    readonly_fields = ["sent_at", "recipients_count"]
    actions = ["send_now"]

    @admin.action(description="Send selected issues now")
    def send_now(self, request, queryset):
        for issue in queryset.filter(sent_at__isnull=True):
            send_issue.delay(issue.pk)
        self.message_user(request, "Queued for sending.")
