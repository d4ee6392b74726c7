from django.conf import settings
from django.contrib import admin
from django.db import connection
from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.http import require_GET

from billing.webhooks import stripe_webhook
from clients.urls import portal_urlpatterns


@require_GET
def healthcheck(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthcheck, name="healthcheck"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("team/", include("tenants.urls")),
    path("clients/", include("clients.urls")),
    path("portal/", include((portal_urlpatterns, "portal"))),
    path("invoices/", include("invoices.urls")),
    path("documents/", include("documents.urls")),
    path("reports/", include("reports.urls")),
    path("api/v1/", include("api.urls")),
    path("webhooks/stripe/", stripe_webhook, name="stripe-webhook"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
