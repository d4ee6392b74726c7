from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("otp/", views.otp_verify, name="otp-verify"),
    path("password-reset/", views.password_reset_request, name="password-reset"),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(template_name="accounts/reset_confirm.html"),
        name="reset-confirm",
    ),
    path("invite/", views.send_invitation, name="invite"),
    path("invite/<str:code>/", views.accept_invitation, name="accept-invite"),
    path("verify-email/<str:token>/", views.verify_email, name="verify-email"),
    path("kiosk/", views.kiosk_login, name="kiosk-login"),
]
