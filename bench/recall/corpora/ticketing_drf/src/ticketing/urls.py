from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/accounts/", include("accounts.urls")),
    path("api/v1/", include("events.urls")),
    path("api/v1/", include("orders.api_urls")),
    path("orders/", include("orders.urls")),
    path("webhooks/", include("payments.urls")),
]
