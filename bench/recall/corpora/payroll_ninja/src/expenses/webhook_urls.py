from django.urls import path

from . import webhooks

urlpatterns = [
    path("card-feed/", webhooks.card_feed_webhook, name="card-feed-webhook"),
]
