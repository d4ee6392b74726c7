from django.contrib import admin
from django.utils.html import format_html

from .models import ListingReport, Membership, Opportunity, Organisation, Shift


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "city", "website_link", "created_at")
    search_fields = ("name", "slug", "city")
    prepopulated_fields = {"slug": ("name",)}
    exclude = ("kiosk_passcode_hash", "api_key")
    inlines = [MembershipInline]

    @admin.display(description="Website")
    def website_link(self, obj):
        if not obj.website:
            return "-"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', obj.website, obj.website)


class ShiftInline(admin.TabularInline):
    model = Shift
    extra = 0


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ("title", "organisation", "city", "is_published", "created_at")
    list_filter = ("is_published", "city")
    search_fields = ("title", "organisation__name")
    inlines = [ShiftInline]


@admin.register(ListingReport)
class ListingReportAdmin(admin.ModelAdmin):
    list_display = ("opportunity", "reason", "reporter", "created_at")
    list_filter = ("reason",)
