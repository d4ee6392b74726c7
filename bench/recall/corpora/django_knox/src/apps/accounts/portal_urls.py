from django.urls import path

from . import portal_views

app_name = "portal"

urlpatterns = [
    path("login/", portal_views.request_magic_link, name="magic-link"),
    path("login/sent/", portal_views.MagicLinkSentView.as_view(), name="magic-link-sent"),
    path("login/<str:token>/", portal_views.magic_link_login, name="magic-link-login"),
    path("apply/", portal_views.ApplicantSignupView.as_view(), name="applicant-signup"),
    path("apply/verify/<str:token>/", portal_views.verify_applicant, name="applicant-verify"),
    path("apply/check-email/", portal_views.CheckEmailView.as_view(), name="applicant-check-email"),
    path("owners/sso/", portal_views.owner_sso_callback, name="owner-sso"),
    path("preferences/theme/", portal_views.set_theme, name="set-theme"),
]
