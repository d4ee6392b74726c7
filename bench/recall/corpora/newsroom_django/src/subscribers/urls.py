from django.urls import path

from . import views

app_name = "subscribers"

urlpatterns = [
    path("", views.account, name="account"),
    path("signup/", views.signup, name="signup"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("preferences/", views.update_preferences, name="preferences"),
    path("password/reset/", views.password_reset_request, name="reset"),
    path("password/reset/sent/", views.password_reset_sent, name="reset-sent"),
    path("password/reset/<str:code>/", views.password_reset_confirm, name="reset-confirm"),
]
