"""URLs served on the public schema: marketing signup, platform admin, billing webhooks."""
from django.contrib import admin
from django.urls import path
from django_ratelimit.decorators import ratelimit

from apps.billing.webhooks import paddle_webhook
from apps.reports.views import ActivityReportView, RevenueReportView
from apps.tenants.views import SignupView

admin.site.login = ratelimit(key="ip", rate="10/m", method="POST", block=True)(admin.site.login)
admin.site.site_header = "Invoicer platform"

urlpatterns = [
    path("", SignupView.as_view(), name="signup"),
    path("admin/", admin.site.urls),
    path("billing/paddle/webhook/", paddle_webhook, name="paddle-webhook"),
    path("platform/reports/revenue/", RevenueReportView.as_view(), name="revenue-report"),
    path("platform/reports/activity/", ActivityReportView.as_view(), name="activity-report"),
]
