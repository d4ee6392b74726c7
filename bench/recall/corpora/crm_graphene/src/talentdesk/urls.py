from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from django_ratelimit.decorators import ratelimit
from graphene_django.views import GraphQLView

from accounts.urls import password_reset_patterns

# The admin login shares the same brute-force limits as the staff login page.
admin.site.login = ratelimit(key="ip", rate="5/m", method="POST", block=True)(admin.site.login)
admin.site.site_header = "TalentDesk administration"


@method_decorator(ratelimit(key="ip", rate="30/m", method="POST", block=True), name="dispatch")
class TalentDeskGraphQLView(GraphQLView):
    """GraphQL endpoint used by the Chrome extension and the dashboard widgets."""


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="candidates:list", permanent=False)),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include(password_reset_patterns)),
    path("candidates/", include("candidates.urls")),
    path("clients/", include("clients.urls")),
    path("placements/", include("placements.urls")),
    path("graphql/", csrf_exempt(TalentDeskGraphQLView.as_view(graphiql=settings.DEBUG))),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
