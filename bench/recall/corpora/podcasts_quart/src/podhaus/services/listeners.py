"""Live listener counts.

Each open player holds a websocket; we keep a per-episode sorted set in Redis
scored by last heartbeat so counts survive multiple hypercorn workers.
"""
from __future__ import annotations

import asyncio
import hashlib
import time

import redis.asyncio as redis
from quart import current_app

HEARTBEAT_SECONDS = 15
STALE_AFTER = HEARTBEAT_SECONDS * 3

_client: redis.Redis | None = None


def client() -> redis.Redis:
    global _client
    if _client is None:
        _client = redis.from_url(current_app.config["REDIS_URL"], decode_responses=True)
    return _client


def _key(episode_id: int) -> str:
    return f"podhaus:live:{episode_id}"


def listener_fingerprint(remote_addr: str | None, user_agent: str | None) -> str:
    """IAB-style de-duplication key; not reversible to the IP."""
    raw = f"{remote_addr or ''}|{user_agent or ''}|{time.strftime('%Y-%m-%d')}"
    return hashlib.sha256(raw.encode()).hexdigest()


async def heartbeat(episode_id: int, listener_id: str) -> None:
    await client().zadd(_key(episode_id), {listener_id: time.time()})


async def leave(episode_id: int, listener_id: str) -> None:
    await client().zrem(_key(episode_id), listener_id)


async def count(episode_id: int) -> int:
    now = time.time()
    pipe = client().pipeline()
    pipe.zremrangebyscore(_key(episode_id), 0, now - STALE_AFTER)
    pipe.zcard(_key(episode_id))
    _, live = await pipe.execute()
    return int(live)


async def watch(episode_id: int, interval: float = 5.0):
    """Yield the live count whenever it changes."""
    last = None
    while True:
        current = await count(episode_id)
        if current != last:
            last = current
            yield current
        await asyncio.sleep(interval)
