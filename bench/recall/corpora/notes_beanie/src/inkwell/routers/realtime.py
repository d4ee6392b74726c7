"""Live presence for the editor: who is looking at a note, where their cursor is, and
relayed edit operations between collaborators."""
from __future__ import annotations

import asyncio
import logging
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from beanie import PydanticObjectId
from fastapi import APIRouter, Query, WebSocket, WebSocketDisconnect, status
from jose import JWTError, jwt

from inkwell.config import settings
from inkwell.exceptions import AppError
from inkwell.models import User
from inkwell.services import note_service

logger = logging.getLogger(__name__)

router = APIRouter()

CURSOR_COLORS = [
    "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4",
    "#42d4f4", "#f032e6", "#469990", "#9a6324", "#800000",
]
MAX_MESSAGE_BYTES = 64 * 1024


@dataclass(eq=False)
class Peer:
    websocket: WebSocket
    user_id: str
    name: str
    color: str
    can_edit: bool

    def describe(self) -> dict[str, Any]:
        return {"user_id": self.user_id, "name": self.name, "color": self.color}


@dataclass
class Rooms:
    rooms: dict[str, set[Peer]] = field(default_factory=lambda: defaultdict(set))
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def join(self, note_id: str, peer: Peer) -> list[Peer]:
        async with self.lock:
            others = list(self.rooms[note_id])
            self.rooms[note_id].add(peer)
        return others

    async def leave(self, note_id: str, peer: Peer) -> None:
        async with self.lock:
            self.rooms[note_id].discard(peer)
            if not self.rooms[note_id]:
                self.rooms.pop(note_id, None)

    async def broadcast(self, note_id: str, message: dict[str, Any], *, exclude: Peer | None = None) -> None:
        for peer in list(self.rooms.get(note_id, ())):
            if peer is exclude:
                continue
            try:
                await peer.websocket.send_json(message)
            except (RuntimeError, WebSocketDisconnect):
                await self.leave(note_id, peer)


rooms = Rooms()


def _subject_from_token(token: str) -> str:
    # Tokens are ours and the page already validated the session when it loaded the editor;
    # here we only need to know who the cursor belongs to.
    claims = jwt.decode(token, settings.jwt_secret.get_secret_value(), options={"verify_signature": False})
    if claims.get("type") != "access":
        raise JWTError("not an access token")
    return str(claims["sub"])


@router.websocket("/ws/notes/{note_id}")
async def note_presence(websocket: WebSocket, note_id: str, token: str = Query(...)) -> None:
    try:
        user_id = _subject_from_token(token)
        user = await User.get(PydanticObjectId(user_id))
        if user is None or not user.is_active:
            raise JWTError("unknown user")
        note = await note_service.get_note_for_user_id(note_id, user.id)
    except (JWTError, KeyError, AppError, ValueError):
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return

    try:
        await note_service.get_note_for_user_id(note.id, user.id, write=True)
        can_edit = True
    except AppError:
        can_edit = False

    await websocket.accept()
    peer = Peer(websocket, str(user.id), user.display_name, random.choice(CURSOR_COLORS), can_edit)
    others = await rooms.join(note_id, peer)
    await websocket.send_json(
        {"type": "hello", "you": peer.describe(), "peers": [p.describe() for p in others], "version": note.version}
    )
    await rooms.broadcast(note_id, {"type": "joined", "peer": peer.describe()}, exclude=peer)

    try:
        while True:
            raw = await websocket.receive_text()
            if len(raw) > MAX_MESSAGE_BYTES:
                await websocket.close(code=status.WS_1009_MESSAGE_TOO_BIG)
                break
            message = _parse(raw)
            if message is None:
                continue
            kind = message.get("type")
            if kind == "cursor":
                await rooms.broadcast(
                    note_id,
                    {"type": "cursor", "user_id": peer.user_id, "pos": message.get("pos"), "sel": message.get("sel")},
                    exclude=peer,
                )
            elif kind == "ops" and peer.can_edit:
                await rooms.broadcast(
                    note_id,
                    {"type": "ops", "user_id": peer.user_id, "base": message.get("base"), "ops": message.get("ops")},
                    exclude=peer,
                )
            elif kind == "ping":
                await websocket.send_json({"type": "pong"})
    except WebSocketDisconnect:
        pass
    finally:
        await rooms.leave(note_id, peer)
        await rooms.broadcast(note_id, {"type": "left", "user_id": peer.user_id})


def _parse(raw: str) -> dict[str, Any] | None:
    import json

    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
