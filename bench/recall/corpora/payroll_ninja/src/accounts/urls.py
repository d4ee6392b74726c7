from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.backoffice_login, name="login"),
    path("logout/", views.backoffice_logout, name="logout"),
    path("theme/", views.set_theme, name="theme"),
]
