from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django_tenants.admin import TenantAdminMixin
from django_tenants.utils import schema_context

from apps.accounts import impersonation
from apps.accounts.models import Membership

from .models import Client, Domain


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0


@admin.register(Client)
class ClientAdmin(TenantAdminMixin, admin.ModelAdmin):
    list_display = ("name", "schema_name", "plan", "subscription_status", "created_on")
    list_filter = ("plan", "subscription_status")
    search_fields = ("name", "schema_name", "paddle_customer_id")
    inlines = [DomainInline]
    actions = ["support_sign_in_link"]

    @admin.action(description="Create a 10-minute support sign-in link for the owner")
    def support_sign_in_link(self, request, queryset):
        path = reverse("accounts:impersonate", urlconf=settings.ROOT_URLCONF)
        for tenant in queryset:
            with schema_context(tenant.schema_name):
                owner = Membership.objects.select_related("user").filter(role=Membership.OWNER).first()
                if owner is None:
                    continue
                token = impersonation.issue(
                    staff_user=request.user, target_user=owner.user, tenant_schema=tenant.schema_name
                )
            url = f"https://{tenant.get_primary_domain().domain}{path}?token={token}"
            self.message_user(request, format_html('{}: <a href="{}">open as owner</a>', tenant.name, url))
