from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profile/", views.profile_edit, name="profile_edit"),
    path("events/<int:event_id>/rsvp/", views.EventRSVPView.as_view(), name="rsvp"),
    path("invite/", views.send_invite, name="send_invite"),
    path("invite/<str:code>/", views.accept_invite, name="accept_invite"),
    path("connect/", views.connect_frontend, name="connect_frontend"),
    path("region/", views.set_region, name="set_region"),
]
