from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from events import views as event_views
from orders.payments import payment_webhook

from .api import api

urlpatterns = [
    path("", event_views.home, name="home"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("accounts/", include("accounts.urls")),
    path("events/", include("events.urls")),
    path("orders/", include("orders.urls")),
    path("venues/", include("venues.urls")),
    path("reports/", include("reports.urls")),
    path("webhooks/payments/", payment_webhook, name="payment_webhook"),
]

if settings.DEBUG:
    import debug_toolbar
    from django.conf.urls.static import static

    urlpatterns = [path("__debug__/", include(debug_toolbar.urls))] + urlpatterns
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
