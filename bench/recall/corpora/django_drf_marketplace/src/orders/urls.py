from django.urls import path

from . import views, webhooks

app_name = "orders"

urlpatterns = [
    path("receipt/<str:token>/", views.receipt, name="receipt"),
    path("downloads/<str:token>/", views.download, name="download"),
    path("webhooks/stripe/", webhooks.stripe_webhook, name="stripe-webhook"),
    path("webhooks/carrier/", webhooks.CarrierTrackingWebhook.as_view(), name="carrier-webhook"),
]
