from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("token/", views.token_obtain, name="token-obtain"),
    path("token/refresh/", views.token_refresh, name="token-refresh"),
    path("reading-list/", views.reading_list, name="reading-list"),
    path("partner/catalogue/", views.partner_catalogue, name="partner-catalogue"),
]
