from django.urls import path

from . import views

app_name = "parents"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("register/", views.register, name="register"),
    path("children/lookup/", views.child_lookup, name="child_lookup"),
    path("contact/", views.update_contact, name="update_contact"),
]
