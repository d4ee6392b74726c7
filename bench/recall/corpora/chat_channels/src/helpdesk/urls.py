from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.urls import include, path, reverse_lazy
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.decorators import ratelimit

from accounts import views as account_views
from chat import webhooks
from helpdesk.schema import AgentGraphQLView, schema

# throttle brute-force attempts on the admin login form
admin.site.login = ratelimit(key="ip", rate="10/m", method="POST", block=True)(admin.site.login)


def healthz(request):
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz/", healthz, name="healthz"),
    # agent authentication
    path("login/", account_views.AgentLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", account_views.PasswordResetRequestView.as_view(), name="password_reset"),
    path(
        "password-reset/<uidb64>/<token>/",
        ratelimit(key="ip", rate="10/h", method="POST", block=True)(
            auth_views.PasswordResetConfirmView.as_view(success_url=reverse_lazy("login"))
        ),
        name="password_reset_confirm",
    ),
    path("invite/<str:token>/", account_views.accept_invite, name="accept_invite"),
    # agent dashboard
    path("", include("dashboard.urls")),
    # embeddable widget for visitors
    path("widget/", include("chat.urls")),
    # integrations
    path("hooks/inbound-email/", webhooks.inbound_email, name="inbound_email"),
    path("hooks/crm/", webhooks.crm_event, name="crm_event"),
    # APIs
    path("api/", include("api.urls")),
    path("graphql/", csrf_exempt(AgentGraphQLView.as_view(schema=schema, graphiql=settings.DEBUG))),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
