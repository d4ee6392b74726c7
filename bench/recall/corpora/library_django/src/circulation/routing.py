from django.urls import path

from .consumers import HoldNotificationConsumer

websocket_urlpatterns = [
    path("ws/holds/", HoldNotificationConsumer.as_asgi()),
]
