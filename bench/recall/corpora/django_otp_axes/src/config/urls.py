from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django_otp.admin import OTPAdminSite

admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("claims/", include("expenses.urls")),
    path("api/v1/", include("api.urls")),
    path("integrations/", include("integrations.urls")),
    path("", RedirectView.as_view(pattern_name="expenses:claim-list", permanent=False)),
]
