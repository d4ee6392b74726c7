"""Live room connections.

Browsers cannot set headers on a WebSocket handshake, so the access token
comes in the query string.
"""
import asyncio
import json

from fastapi import APIRouter, Query, WebSocket, WebSocketDisconnect, status
from jose import JWTError, jwt

from app.core.logging import get_logger
from app.db import SessionLocal
from app.models import User
from app.services import rooms_repo
from app.services.connections import hub

router = APIRouter()
logger = get_logger("ws")

IDLE_TIMEOUT_SECONDS = 90
_TYPING_EVENT = "typing"


def _user_id_from_token(token: str) -> int | None:
    try:
        claims = jwt.get_unverified_claims(token)
    except JWTError:
        return None
    if claims.get("type") != "access":
        return None
    try:
        return int(claims["sub"])
    except (KeyError, TypeError, ValueError):
        return None


@router.websocket("/ws/rooms/{room_id}")
async def room_socket(websocket: WebSocket, room_id: int, token: str = Query(...)):
    user_id = _user_id_from_token(token)
    if user_id is None:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return

    async with SessionLocal() as session:
        user = await session.get(User, user_id)
        member = await rooms_repo.membership(session, room_id, user_id)
    if user is None or not user.is_active or member is None:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return

    await hub.connect(room_id, user.id, websocket)
    logger.info("ws open room=%s user_id=%s", room_id, user.id)
    try:
        while True:
            try:
                raw = await asyncio.wait_for(websocket.receive_text(), timeout=IDLE_TIMEOUT_SECONDS)
            except asyncio.TimeoutError:
                await websocket.send_json({"type": "ping"})
                continue
            try:
                event = json.loads(raw)
            except json.JSONDecodeError:
                await websocket.send_json({"type": "error", "detail": "expected JSON"})
                continue

            kind = event.get("type")
            if kind == "pong":
                continue
            if kind == _TYPING_EVENT:
                await hub.publish(room_id, {"type": "typing", "user_id": user.id, "name": user.display_name})
            else:
                await websocket.send_json({"type": "error", "detail": f"unknown event {kind!r}"})
    except WebSocketDisconnect:
        pass
    finally:
        await hub.disconnect(room_id, user.id, websocket)
        logger.info("ws closed room=%s user_id=%s", room_id, user.id)
