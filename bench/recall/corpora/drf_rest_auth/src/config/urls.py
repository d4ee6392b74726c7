from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from notifications.views import DeclineShiftView, mailgun_events

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/auth/", include("accounts.urls")),
    path("api/reports/", include("reports.urls")),
    path("api/", include("volunteering.urls")),
    path("hooks/mailgun/", mailgun_events, name="mailgun-events"),
    path("shifts/decline/", DeclineShiftView.as_view(), name="shift-decline"),
    path("", include("pages.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
