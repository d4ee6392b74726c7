from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("signup/", views.SignupView.as_view(), name="signup"),
    path("password-reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),  # expect: RATE002
    path("profile/", views.ProfileView.as_view(), name="profile"),
]
