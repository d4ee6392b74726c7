from dj_rest_auth.jwt_auth import get_refresh_view
from dj_rest_auth.registration.views import RegisterView, VerifyEmailView
from dj_rest_auth.views import (
    LogoutView,
    PasswordChangeView,
    PasswordResetConfirmView,
    PasswordResetView,
    UserDetailsView,
)
from django.urls import path

from .views import ProfileView, ThrottledLoginView, ThrottledResendEmailView

urlpatterns = [
    path("login/", ThrottledLoginView.as_view(), name="rest_login"),
    path("logout/", LogoutView.as_view(), name="rest_logout"),
    path("token/refresh/", get_refresh_view().as_view(), name="token_refresh"),
    path("user/", UserDetailsView.as_view(), name="rest_user_details"),
    path("profile/", ProfileView.as_view(), name="profile"),
    path("password/change/", PasswordChangeView.as_view(), name="rest_password_change"),
    path("password/reset/", PasswordResetView.as_view(), name="rest_password_reset"),
    path("password/reset/confirm/", PasswordResetConfirmView.as_view(), name="rest_password_reset_confirm"),
    path("registration/", RegisterView.as_view(), name="rest_register"),
    path("registration/verify-email/", VerifyEmailView.as_view(), name="rest_verify_email"),
    path("registration/resend-email/", ThrottledResendEmailView.as_view(), name="rest_resend_email"),
]
