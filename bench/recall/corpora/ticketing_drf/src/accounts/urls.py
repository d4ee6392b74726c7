from django.urls import path
from . import views

app_name = "accounts"

urlpatterns = [
    path("register/", views.RegisterView.as_view(), name="register"),
    path("token/", views.CookieTokenObtainPairView.as_view(), name="token"),
    path("token/refresh/", views.ThrottledTokenRefreshView.as_view(), name="token-refresh"),
    path("scanner/login/", views.ScannerLoginView.as_view(), name="scanner-login"),
    path("password/reset/", views.PasswordResetRequestView.as_view(), name="password-reset"),
    path("password/reset/confirm/", views.PasswordResetConfirmView.as_view(), name="password-reset-confirm"),
    path("password/change/", views.ChangePasswordView.as_view(), name="password-change"),
    path("verify/resend/", views.resend_verification, name="verify-resend"),
    path("verify/", views.verify_email, name="verify"),
    path("me/", views.MeView.as_view(), name="me"),
    path("preferences/marketing/", views.update_marketing_preferences, name="marketing-preferences"),
]
