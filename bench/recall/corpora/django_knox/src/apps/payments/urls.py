from django.urls import path

from .views import CheckoutView
from .webhooks import paylane_webhook

app_name = "payments"

urlpatterns = [
    path("checkout/", CheckoutView.as_view(), name="checkout"),
    path("webhooks/paylane/", paylane_webhook, name="paylane-webhook"),
]
