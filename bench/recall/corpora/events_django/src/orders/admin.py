from django.contrib import admin

from .models import Order, OrderItem


class OrderItemInline(admin.TabularInline):
    model = OrderItem
    extra = 0
    readonly_fields = ("ticket_type", "quantity", "unit_price")


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ("pk", "email", "event", "status", "total", "channel", "created_at")
    list_filter = ("status", "channel")
    search_fields = ("email", "payment_intent_id")
    inlines = [OrderItemInline]
