from django.contrib import admin

from .models import Venue


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ("name", "city", "country", "capacity")
    list_filter = ("country", "city")
    search_fields = ("name", "city", "external_ref")
    prepopulated_fields = {"slug": ("name",)}
