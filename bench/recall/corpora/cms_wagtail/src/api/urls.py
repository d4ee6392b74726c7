from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("auth/token/", views.ObtainTokenView.as_view(), name="token"),
    path("auth/register/", views.MemberRegistrationView.as_view(), name="register"),
    path("me/", views.MeView.as_view(), name="me"),
    path("events/", views.UpcomingEventsView.as_view(), name="events"),
    path("partners/events/", views.PartnerEventsFeedView.as_view(), name="partner_events"),
]
