from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.TenantLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("first-sign-in/", views.FirstSignInView.as_view(), name="first-sign-in"),
    path("password-reset/", views.TenantPasswordResetView.as_view(), name="password-reset"),
    path(
        "password-reset/done/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password-reset-done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html", success_url=reverse_lazy("accounts:login")
        ),
        name="password-reset-confirm",
    ),
    path("sso/", views.SSOStartView.as_view(), name="sso-start"),
    path("sso/callback/", views.SSOCallbackView.as_view(), name="sso-callback"),
    path("support/", views.ImpersonateView.as_view(), name="impersonate"),
    path("members/", views.MemberListView.as_view(), name="members"),
    path("members/invite/", views.InviteMemberView.as_view(), name="invite"),
    path("members/add/", views.AddMemberView.as_view(), name="add-member"),
    path("members/<int:pk>/resend-welcome/", views.ResendWelcomeView.as_view(), name="resend-welcome"),
    path("members/<int:pk>/remove/", views.remove_member, name="remove-member"),
    path("invitations/<str:token>/", views.AcceptInviteView.as_view(), name="accept-invite"),
    path("settings/", views.WorkspaceSettingsView.as_view(), name="settings"),
]
