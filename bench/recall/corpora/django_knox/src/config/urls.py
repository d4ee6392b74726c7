from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from apps.leases.views import LeaseViewSet
from apps.maintenance.views import MaintenanceTicketViewSet
from apps.properties.views import BuildingViewSet, UnitViewSet

router = DefaultRouter()
router.register("buildings", BuildingViewSet, basename="building")
router.register("units", UnitViewSet, basename="unit")
router.register("leases", LeaseViewSet, basename="lease")
router.register("maintenance", MaintenanceTicketViewSet, basename="maintenance")


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include(router.urls)),
    path("api/v1/auth/", include("apps.accounts.urls")),
    path("api/v1/reports/", include("apps.reports.urls")),
    path("api/v1/payments/", include("apps.payments.urls")),
    path("api/v1/leases/", include("apps.leases.urls")),
    path("portal/", include("apps.accounts.portal_urls")),
    path("vendors/", include("apps.vendors.urls")),
    path("dashboard/", include("apps.dashboard.urls")),
]

if settings.DEBUG:
    urlpatterns += [path("__debug__/", include("debug_toolbar.urls"))]
