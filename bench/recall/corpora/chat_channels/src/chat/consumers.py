import json
import logging

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer, JsonWebsocketConsumer

from . import canned, services
from .models import CannedResponse, Conversation

logger = logging.getLogger(__name__)

MAX_MESSAGE_LENGTH = 4000


class VisitorChatConsumer(AsyncWebsocketConsumer):
    """One socket per widget tab; joins the conversation group."""

    conversation = None

    async def connect(self):
        visitor = self.scope.get("visitor")
        claims = self.scope.get("token_claims") or {}
        public_id = str(self.scope["url_route"]["kwargs"]["public_id"])

        if visitor is None or claims.get("conv") != public_id:
            await self.close(code=4401)
            return

        self.conversation = await self._get_conversation(public_id, visitor.pk)
        if self.conversation is None:
            await self.close(code=4404)
            return

        await self.channel_layer.group_add(self.conversation.group_name, self.channel_name)
        await self.accept()
        await self.send(text_data=json.dumps({"type": "history", "messages": await self._history()}))

    async def disconnect(self, code):
        if self.conversation is not None:
            await self.channel_layer.group_discard(self.conversation.group_name, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        if not text_data:
            return
        try:
            data = json.loads(text_data)
        except json.JSONDecodeError:
            await self.send(text_data=json.dumps({"type": "error", "error": "invalid_json"}))
            return

        kind = data.get("type")
        if kind == "message":
            body = (data.get("body") or "").strip()[:MAX_MESSAGE_LENGTH]
            if body:
                await database_sync_to_async(services.post_visitor_message)(self.conversation, body)
        elif kind == "typing":
            await self.channel_layer.group_send(
                f"team_{self.conversation.team_id}",
                {"type": "inbox.update", "payload": {"event": "visitor_typing", "conversation": self.conversation.pk}},
            )

    async def chat_message(self, event):
        payload = event["payload"]
        if payload.get("sender") == "note":
            return  # internal notes never leave the dashboard
        await self.send(text_data=json.dumps({"type": "message", "message": payload}))

    async def chat_closed(self, event):
        await self.send(text_data=json.dumps({"type": "closed"}))
        await self.close()

    @database_sync_to_async
    def _get_conversation(self, public_id, visitor_id):
        return Conversation.objects.filter(public_id=public_id, visitor_id=visitor_id).first()

    @database_sync_to_async
    def _history(self):
        qs = self.conversation.messages.exclude(sender_type="note").select_related("author")
        return [m.as_payload() for m in qs.order_by("-created_at")[:100]][::-1]


class AgentInboxConsumer(JsonWebsocketConsumer):
    """Dashboard socket: live inbox updates plus replies from the agent."""

    def connect(self):
        user = self.scope["user"]
        if not user.is_authenticated or not user.is_agent:
            self.close(code=4403)
            return
        self.team_group = f"team_{user.team_id}"
        self.joined = set()
        async_to_sync(self.channel_layer.group_add)(self.team_group, self.channel_name)
        self.accept()

    def disconnect(self, code):
        if hasattr(self, "team_group"):
            async_to_sync(self.channel_layer.group_discard)(self.team_group, self.channel_name)
            for group in self.joined:
                async_to_sync(self.channel_layer.group_discard)(group, self.channel_name)

    def receive_json(self, content, **kwargs):
        action = content.get("action")
        handler = getattr(self, f"handle_{action}", None)
        if handler is None:
            self.send_json({"type": "error", "error": "unknown_action"})
            return
        conversation = self._conversation(content.get("conversation"))
        if conversation is None:
            self.send_json({"type": "error", "error": "not_found"})
            return
        handler(conversation, content)

    def handle_open(self, conversation, content):
        group = conversation.group_name
        if group not in self.joined:
            async_to_sync(self.channel_layer.group_add)(group, self.channel_name)
            self.joined.add(group)

    def handle_reply(self, conversation, content):
        body = (content.get("body") or "").strip()[:MAX_MESSAGE_LENGTH]
        if body:
            services.post_agent_message(conversation, self.scope["user"], body, internal=bool(content.get("internal")))

    def handle_canned(self, conversation, content):
        user = self.scope["user"]
        response = CannedResponse.objects.filter(team_id=user.team_id, shortcut=content.get("shortcut")).first()
        if response is None:
            self.send_json({"type": "error", "error": "unknown_shortcut"})
            return
        text = canned.render(response.body, canned.build_context(conversation, user))
        services.post_agent_message(conversation, user, text)

    def handle_close(self, conversation, content):
        services.close_conversation(conversation, closed_by=self.scope["user"])

    def chat_message(self, event):
        self.send_json({"type": "message", "conversation": event["conversation"], "message": event["payload"]})

    def chat_closed(self, event):
        self.send_json({"type": "closed", "conversation": event["conversation"]})

    def inbox_update(self, event):
        self.send_json({"type": "inbox", **event["payload"]})

    def _conversation(self, conversation_id):
        if conversation_id is None:
            return None
        user = self.scope["user"]
        return Conversation.objects.for_agent(user).filter(pk=conversation_id).first()
