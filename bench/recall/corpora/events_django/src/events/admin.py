from django.contrib import admin

from .models import Category, Event, TicketType


class TicketTypeInline(admin.TabularInline):
    model = TicketType
    extra = 1


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title", "venue", "starts_at", "status", "is_featured")
    list_filter = ("status", "is_featured", "category")
    search_fields = ("title", "venue__name")
    inlines = [TicketTypeInline]


admin.site.register(Category)
