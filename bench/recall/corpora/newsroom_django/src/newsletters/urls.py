from django.urls import path

from . import views

app_name = "newsletters"

urlpatterns = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("unsubscribe/<str:token>/one-click/", views.one_click_unsubscribe, name="one-click"),
]
