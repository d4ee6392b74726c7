from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("signup/firm/", views.FirmSignupView.as_view(), name="signup"),
    path("password/reset/", views.password_reset_request, name="password-reset"),
    path("password/reset/<str:uidb64>/<str:token>/", views.password_reset_confirm, name="password-reset-confirm"),
]
