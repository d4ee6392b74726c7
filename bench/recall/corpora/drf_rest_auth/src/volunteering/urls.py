from django.urls import include, path
from rest_framework.routers import DefaultRouter

from .kiosk import KioskCheckInView, KioskLoginView, KioskRosterView
from .views import AcceptInvitationView, MySignupViewSet, OpportunityViewSet, OrganisationViewSet, ShiftViewSet

router = DefaultRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("opportunities", OpportunityViewSet, basename="opportunity")
router.register("shifts", ShiftViewSet, basename="shift")
router.register("me/signups", MySignupViewSet, basename="my-signup")

urlpatterns = [
    path("invitations/accept/", AcceptInvitationView.as_view(), name="invitation-accept"),
    path("kiosk/login/", KioskLoginView.as_view(), name="kiosk-login"),
    path("kiosk/roster/", KioskRosterView.as_view(), name="kiosk-roster"),
    path("kiosk/check-in/<int:signup_id>/", KioskCheckInView.as_view(), name="kiosk-check-in"),
    path("", include(router.urls)),
]
