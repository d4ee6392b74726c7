from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views, webhooks

router = DefaultRouter()
router.register("clinicians", views.ClinicianViewSet, basename="clinician")
router.register("appointments", views.AppointmentViewSet, basename="appointment")

urlpatterns = [
    path("auth/token/", views.TokenObtainView.as_view(), name="token_obtain"),
    path("auth/token/refresh/", views.TokenRefreshView.as_view(), name="token_refresh"),
    path("appointment-link/", views.AppointmentLinkView.as_view(), name="appointment_link"),
    path("availability/", views.AvailabilityView.as_view(), name="availability"),
    path("webhooks/billing/", webhooks.billing_webhook, name="billing_webhook"),
    path("", include(router.urls)),
]
