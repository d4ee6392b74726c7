"""Live chat for each event over a websocket."""
import logging
from collections import defaultdict

from fastapi import APIRouter, Depends, WebSocket, WebSocketDisconnect, status
from pydantic import ValidationError

from app.config import get_settings
from app.dependencies import CurrentUser, Database, get_event_service
from app.repositories.events import EventRepository
from app.repositories.messages import MessageRepository
from app.repositories.users import UserRepository
from app.schemas import ChatMessageIn
from app.security.tokens import TokenError, create_chat_ticket, decode_chat_ticket
from app.services.events import EventService, can_view

router = APIRouter(tags=["chat"])
logger = logging.getLogger("gather.chat")
settings = get_settings()


class ChatRooms:
    """Websocket connections per event slug (one process; Redis pub/sub is on the roadmap)."""

    def __init__(self):
        self.rooms: dict[str, set[WebSocket]] = defaultdict(set)

    async def join(self, slug: str, websocket: WebSocket) -> None:
        await websocket.accept()
        self.rooms[slug].add(websocket)

    def leave(self, slug: str, websocket: WebSocket) -> None:
        self.rooms[slug].discard(websocket)
        if not self.rooms[slug]:
            del self.rooms[slug]

    async def broadcast(self, slug: str, payload: dict) -> None:
        for connection in list(self.rooms.get(slug, ())):
            try:
                await connection.send_json(payload)
            except RuntimeError:
                self.leave(slug, connection)


rooms = ChatRooms()


def _serialize(message: dict) -> dict:
    return {
        "id": str(message["_id"]),
        "author": message["author"],
        "body": message["body"],
        "sent_at": message["created_at"].isoformat(),
    }


@router.get("/events/{slug}/chat/ticket")
async def chat_ticket(slug: str, user: CurrentUser, events: EventService = Depends(get_event_service)):
    event = await events.get_for_user(slug, user)
    ticket = create_chat_ticket(str(user["_id"]), str(event["_id"]))
    return {"ticket": ticket, "expires_in": settings.chat_ticket_expire_seconds}


@router.websocket("/ws/events/{slug}/chat")
async def chat_socket(websocket: WebSocket, slug: str, ticket: str, db: Database):
    try:
        claims = decode_chat_ticket(ticket)
    except TokenError:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    event = await EventRepository(db).get_by_slug(slug)
    user = await UserRepository(db).get_by_id(claims["sub"])
    if event is None or user is None or str(event["_id"]) != claims.get("evt") or not can_view(event, user):
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return

    messages = MessageRepository(db)
    await rooms.join(slug, websocket)
    try:
        for message in await messages.recent(event["_id"]):
            await websocket.send_json(_serialize(message))
        while True:
            payload = await websocket.receive_json()
            try:
                incoming = ChatMessageIn.model_validate(payload)
            except ValidationError:
                await websocket.send_json({"error": "Messages must be between 1 and 1000 characters."})
                continue
            saved = await messages.add(event["_id"], user["_id"], user["display_name"], incoming.body)
            await rooms.broadcast(slug, _serialize(saved))
    except WebSocketDisconnect:
        pass
    finally:
        rooms.leave(slug, websocket)
