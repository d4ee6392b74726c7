from django.contrib import admin

from .models import CardTransaction, Category, Expense

admin.site.register(Category)


@admin.register(Expense)
class ExpenseAdmin(admin.ModelAdmin):
    list_display = ("employee", "merchant", "amount", "currency", "status", "submitted_at")
    list_filter = ("status", "category")
    search_fields = ("merchant", "employee__last_name")
    exclude = ("share_token",)


@admin.register(CardTransaction)
class CardTransactionAdmin(admin.ModelAdmin):
    list_display = ("provider_id", "card_last4", "employee", "merchant", "amount", "posted_at")
