from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.IntranetLoginView.as_view(), name="login"),
    path("logout/", views.IntranetLogoutView.as_view(), name="logout"),
    path("password/reset/", views.PasswordResetRequestView.as_view(), name="password-reset"),
    path("password/reset/sent/", views.PasswordResetSentView.as_view(), name="password-reset-sent"),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="form_page.html",
            extra_context={"page_title": "Choose a new password"},
            success_url=reverse_lazy("accounts:login"),
        ),
        name="password-reset-confirm",
    ),
    path("signup/", views.ContractorSignupView.as_view(), name="signup"),
    path("signup/done/", views.SignupDoneView.as_view(), name="signup-done"),
    path("invite/resend/", views.resend_invitation, name="invite-resend"),
    path("invite/<str:token>/", views.InviteAcceptView.as_view(), name="invite-accept"),
]
