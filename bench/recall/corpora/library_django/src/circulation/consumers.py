import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from .models import Hold
from .notifications import patron_group

logger = logging.getLogger("libnet.ws")


class HoldNotificationConsumer(AsyncJsonWebsocketConsumer):
    """Pushes 'your reservation is ready' events to a patron's open tabs/app."""

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4401)
            return
        self.group_name = patron_group(user.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()
        await self.send_json({"type": "snapshot", "holds": await self._ready_holds(user.pk)})

    async def disconnect(self, code):
        if hasattr(self, "group_name"):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive_json(self, content, **kwargs):
        if content.get("action") == "ack":
            await self._mark_seen(self.scope["user"].pk, content.get("hold"))

    async def hold_event(self, event):
        await self.send_json({"type": "hold", "event": event["event"], "hold": event["hold"]})

    @database_sync_to_async
    def _ready_holds(self, patron_id):
        holds = Hold.objects.filter(patron_id=patron_id, status=Hold.Status.READY).select_related(
            "title", "pickup_branch"
        )
        return [
            {
                "id": h.pk,
                "title": h.title.title,
                "pickup_branch": h.pickup_branch.name,
                "expires_at": h.expires_at.isoformat() if h.expires_at else None,
            }
            for h in holds
        ]

    @database_sync_to_async
    def _mark_seen(self, patron_id, hold_id):
        try:
            hold_id = int(hold_id)
        except (TypeError, ValueError):
            return
        Hold.objects.filter(pk=hold_id, patron_id=patron_id).update(notified=True)
