from django.urls import path

from . import consumers

websocket_urlpatterns = [
    path("ws/chat/<uuid:public_id>/", consumers.VisitorChatConsumer.as_asgi()),
    path("ws/inbox/", consumers.AgentInboxConsumer.as_asgi()),
]
