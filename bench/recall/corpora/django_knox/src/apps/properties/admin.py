from django.contrib import admin

from .models import Building, Listing, Portfolio, ShowingPass, Unit


@admin.register(Portfolio)
class PortfolioAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "created_at")
    search_fields = ("name", "owner__email")


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0


@admin.register(Building)
class BuildingAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "city", "portfolio")
    list_filter = ("city",)
    inlines = [UnitInline]


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ("unit", "headline", "available_from", "published_at")


@admin.register(ShowingPass)
class ShowingPassAdmin(admin.ModelAdmin):
    list_display = ("unit", "prospect_email", "valid_from", "valid_until")
    exclude = ("access_token",)
