from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from catalogue.views import HomeView
from core import views as core_views
from core.webhooks import stripe_webhook

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("catalogue/", include("catalogue.urls")),
    path("my/", include("circulation.urls")),
    path("api/v1/", include("api.urls")),
    path("webhooks/stripe/", stripe_webhook, name="stripe-webhook"),
    path("healthz", core_views.healthz, name="healthz"),
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

if settings.DEBUG and "debug_toolbar" in settings.INSTALLED_APPS:
    urlpatterns += [path("__debug__/", include("debug_toolbar.urls"))]
