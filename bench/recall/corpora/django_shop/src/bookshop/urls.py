from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from orders import webhooks

urlpatterns = [
    path("staff-admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("basket/", include("cart.urls")),
    path("orders/", include("orders.urls")),
    path("backoffice/", include("backoffice.urls")),
    path("api/v1/", include("api.urls")),
    path("hooks/stripe/", webhooks.stripe_webhook, name="stripe-webhook"),
    path("hooks/parcellink/", webhooks.carrier_webhook, name="carrier-webhook"),
    path("hooks/distributor/", webhooks.distributor_stock_webhook, name="distributor-webhook"),
    path("", include("catalog.urls")),
]

if settings.DEBUG and "debug_toolbar" in settings.INSTALLED_APPS:
    urlpatterns = [path("__debug__/", include("debug_toolbar.urls"))] + urlpatterns
