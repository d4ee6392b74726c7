from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.PatronLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("register/", views.RegisterView.as_view(), name="register"),
    path("activate/", views.ActivateView.as_view(), name="activate"),
    path("activate/resend/", views.ResendActivationView.as_view(), name="resend-activation"),
    path("password/reset/", views.PasswordResetRequestView.as_view(), name="password-reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password-reset-done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:login"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:profile"),
        ),
        name="password-change",
    ),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("profile/kiosk-pin/", views.KioskPinView.as_view(), name="kiosk-pin"),
    path("staff/invite/", views.StaffInviteView.as_view(), name="staff-invite"),
    path("staff/invite/<str:token>/", views.AcceptInviteView.as_view(), name="accept-invite"),
]
