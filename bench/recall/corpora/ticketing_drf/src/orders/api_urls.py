from django.urls import path
from rest_framework.routers import DefaultRouter

from .views import CheckInView, OrderViewSet

router = DefaultRouter()
router.register("orders", OrderViewSet, basename="order")

urlpatterns = router.urls + [
    path("checkin/", CheckInView.as_view(), name="checkin"),
]
