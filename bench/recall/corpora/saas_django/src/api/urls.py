from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("clients", views.ClientViewSet, basename="client")
router.register("invoices", views.InvoiceViewSet, basename="invoice")
router.register("documents", views.DocumentViewSet, basename="document")

urlpatterns = [
    path("auth/token/", views.TokenLoginView.as_view(), name="api-token"),
    path("auth/mobile/", views.MobileLoginView.as_view(), name="api-mobile-login"),
    path("", include(router.urls)),
]
