"""Outbound webhooks: POST ticket events to customer-registered URLs.

Each delivery is signed with the endpoint's own secret so receivers can
check ``X-Helpdesk-Signature``.
"""
import asyncio
import hashlib
import hmac
import json
import logging
import random
import secrets
import time

import aiohttp
import asyncpg

from .. import settings

log = logging.getLogger(__name__)


def new_endpoint_secret() -> str:
    return "whsec_" + secrets.token_hex(32)


def sign_payload(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def backoff_delay(attempt: int, base: float = 2.0, cap: float = 600.0) -> float:
    """Exponential backoff with jitter so retries don't arrive in lockstep."""
    return min(cap, base ** attempt) + random.uniform(0, 1.5)


class WebhookDispatcher:
    def __init__(self, pool: asyncpg.Pool, session: aiohttp.ClientSession) -> None:
        self.pool = pool
        self.http = session

    async def endpoints_for(self, team_id: int, event: str):
        return await self.pool.fetch(
            "SELECT id, url, secret FROM webhook_endpoints "
            "WHERE team_id = $1 AND $2 = ANY(events) AND enabled",
            team_id,
            event,
        )

    async def register(self, team_id: int, url: str, events: list[str]) -> tuple[int, str]:
        secret = new_endpoint_secret()
        endpoint_id = await self.pool.fetchval(
            "INSERT INTO webhook_endpoints (team_id, url, events, secret, enabled) "
            "VALUES ($1, $2, $3, $4, true) RETURNING id",
            team_id, url, events, secret,
        )
        return endpoint_id, secret

    async def deliver(self, endpoint, event: str, data: dict) -> bool:
        body = json.dumps({"event": event, "data": data}, default=str).encode()
        for attempt in range(settings.WEBHOOK_MAX_ATTEMPTS):
            ts = int(time.time())
            headers = {
                "Content-Type": "application/json",
                "X-Helpdesk-Event": event,
                "X-Helpdesk-Timestamp": str(ts),
                "X-Helpdesk-Signature": sign_payload(endpoint["secret"], ts, body),
            }
            try:
                async with self.http.post(
                    endpoint["url"], data=body, headers=headers,
                    timeout=aiohttp.ClientTimeout(total=settings.WEBHOOK_TIMEOUT),
                ) as resp:
                    if resp.status < 300:
                        log.info("webhook %s delivered to endpoint %s", event, endpoint["id"])
                        return True
                    log.warning("webhook endpoint %s answered %s", endpoint["id"], resp.status)
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                log.warning("webhook endpoint %s unreachable: %s", endpoint["id"], exc)
            await asyncio.sleep(backoff_delay(attempt))
        await self.pool.execute(
            "UPDATE webhook_endpoints SET failures = failures + 1 WHERE id = $1", endpoint["id"]
        )
        return False

    async def broadcast(self, team_id: int, event: str, data: dict) -> None:
        for endpoint in await self.endpoints_for(team_id, event):
            asyncio.create_task(self.deliver(endpoint, event, data))
