from dj_rest_auth.views import PasswordResetConfirmView
from django.urls import path
from knox import views as knox_views

from .views import AcceptInviteView, LoginView, MeView, PasswordResetView, RegisterView

app_name = "auth"

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", knox_views.LogoutView.as_view(), name="logout"),
    path("logoutall/", knox_views.LogoutAllView.as_view(), name="logout-all"),
    path("register/", RegisterView.as_view(), name="register"),
    path("invites/accept/", AcceptInviteView.as_view(), name="invite-accept"),
    path("password/reset/", PasswordResetView.as_view(), name="password-reset"),
    path("password/reset/confirm/", PasswordResetConfirmView.as_view(), name="password-reset-confirm"),
    path("me/", MeView.as_view(), name="me"),
]
