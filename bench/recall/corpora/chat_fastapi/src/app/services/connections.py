"""In-process WebSocket fan-out, with Redis pub/sub so that several API
workers see each other's messages."""
import asyncio
import json
from collections import defaultdict
from typing import Any

from fastapi import WebSocket
from redis import asyncio as aioredis

from app.core.config import settings
from app.core.logging import get_logger

logger = get_logger("ws")

CHANNEL_PREFIX = "huddle:room:"


class RoomHub:
    def __init__(self) -> None:
        self._sockets: dict[int, set[WebSocket]] = defaultdict(set)
        self._presence: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self._redis: aioredis.Redis | None = None
        self._listener: asyncio.Task | None = None
        self._lock = asyncio.Lock()

    async def start(self) -> None:
        self._redis = aioredis.from_url(settings.REDIS_URL, decode_responses=True)
        self._listener = asyncio.create_task(self._listen())

    async def stop(self) -> None:
        if self._listener:
            self._listener.cancel()
        if self._redis:
            await self._redis.aclose()

    async def connect(self, room_id: int, user_id: int, ws: WebSocket) -> None:
        await ws.accept()
        async with self._lock:
            self._sockets[room_id].add(ws)
            self._presence[room_id][user_id] += 1
        await self.publish(room_id, {"type": "presence", "user_id": user_id, "online": True})

    async def disconnect(self, room_id: int, user_id: int, ws: WebSocket) -> None:
        async with self._lock:
            self._sockets[room_id].discard(ws)
            counts = self._presence[room_id]
            counts[user_id] -= 1
            gone = counts[user_id] <= 0
            if gone:
                counts.pop(user_id, None)
        if gone:
            await self.publish(room_id, {"type": "presence", "user_id": user_id, "online": False})

    def online(self, room_id: int) -> list[int]:
        return sorted(self._presence.get(room_id, {}).keys())

    async def publish(self, room_id: int, event: dict[str, Any]) -> None:
        payload = json.dumps({"room_id": room_id, **event}, default=str)
        if self._redis is None:
            await self._deliver(room_id, payload)
            return
        await self._redis.publish(f"{CHANNEL_PREFIX}{room_id}", payload)

    async def _deliver(self, room_id: int, payload: str) -> None:
        dead: list[WebSocket] = []
        for ws in list(self._sockets.get(room_id, ())):
            try:
                await ws.send_text(payload)
            except Exception:
                dead.append(ws)
        for ws in dead:
            self._sockets[room_id].discard(ws)

    async def _listen(self) -> None:
        assert self._redis is not None
        pubsub = self._redis.pubsub()
        await pubsub.psubscribe(f"{CHANNEL_PREFIX}*")
        async for item in pubsub.listen():
            if item.get("type") != "pmessage":
                continue
            try:
                room_id = int(item["channel"].rsplit(":", 1)[1])
            except (ValueError, IndexError):
                continue
            await self._deliver(room_id, item["data"])


hub = RoomHub()
