from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("branches", views.BranchViewSet, basename="branch")
router.register("titles", views.TitleViewSet, basename="title")
router.register("loans", views.LoanViewSet, basename="loan")
router.register("holds", views.HoldViewSet, basename="hold")

app_name = "api"

urlpatterns = [
    path("auth/token/", views.AuthTokenObtainView.as_view(), name="token-obtain"),
    path("auth/token/refresh/", views.AuthTokenRefreshView.as_view(), name="token-refresh"),
    path("kiosk/login/", views.KioskLoginView.as_view(), name="kiosk-login"),
    path("kiosk/checkout/", views.KioskCheckoutView.as_view(), name="kiosk-checkout"),
    path("locker/collect/", views.LockerCollectView.as_view(), name="locker-collect"),
    path("partner/availability/", views.PartnerAvailabilityView.as_view(),
         name="partner-availability"),
    path("", include(router.urls)),
]
