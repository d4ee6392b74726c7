from django.contrib import admin

from .models import KioskDevice, PartnerClient

admin.site.register(KioskDevice, list_display=("name", "kind", "branch", "is_active"), readonly_fields=("api_key",))
admin.site.register(PartnerClient, list_display=("name", "client_id", "is_active"))
