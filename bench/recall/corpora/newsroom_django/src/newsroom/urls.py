from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path
from django.views.generic import TemplateView

admin.site.site_header = "Harbour Gazette newsroom"
admin.site.site_title = "Newsroom admin"


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz/", healthz),
    path("account/", include("subscribers.urls")),
    path("newsletters/", include("newsletters.urls")),
    path("api/v1/", include("api.urls")),
    path("hooks/", include("webhooks.urls")),
    path("newsroom-admin/", admin.site.urls),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    # sections and stories live at the root, so this has to come last
    path("", include("articles.urls")),
]

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
    if "debug_toolbar" in settings.INSTALLED_APPS:
        urlpatterns = [path("__debug__/", include("debug_toolbar.urls"))] + urlpatterns

handler404 = "articles.views.not_found"
