from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from .api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("hooks/", include("expenses.webhook_urls")),
    path("accounts/", include("accounts.urls")),
    path("expenses/", include("expenses.urls")),
    path("", include("payroll.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
