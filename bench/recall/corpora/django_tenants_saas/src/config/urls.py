"""URLs served on tenant hosts (``acme.invoicer.app`` or a tenant's own domain)."""
from django.urls import include, path
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from apps.accounts.views import APIKeyListCreateView
from apps.invoices.api import InvoiceViewSet

router = DefaultRouter()
router.register("invoices", InvoiceViewSet, basename="invoice")

urlpatterns = [
    path("", include("apps.invoices.urls")),
    path("accounts/", include("apps.accounts.urls")),
    path("portal/", include("apps.portal.urls")),
    path("api/v1/", include(router.urls)),
    path("api/v1/auth/token/", obtain_auth_token, name="api-token"),
    path("api/v1/api-keys/", APIKeyListCreateView.as_view(), name="api-keys"),
]
