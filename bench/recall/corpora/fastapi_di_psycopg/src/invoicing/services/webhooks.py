"""Outbound webhooks to tenant-configured endpoints."""

import asyncio
import hashlib
import hmac
import json
import logging
import random
import time
from uuid import UUID

import httpx

from invoicing.repositories.webhooks import WebhookRepository

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Invoicing-Signature"

SUPPORTED_EVENTS = frozenset({"invoice.issued", "invoice.paid", "customer.created"})


def sign_payload(secret: str, body: bytes, timestamp: int | None = None) -> str:
    ts = timestamp if timestamp is not None else int(time.time())
    mac = hmac.new(secret.encode("utf-8"), f"{ts}.".encode() + body, hashlib.sha256)
    return f"t={ts},v1={mac.hexdigest()}"


def new_signing_secret(endpoint_url: str) -> str:
    seed = f"{endpoint_url}:{time.time()}"
    return "whsec_" + hashlib.sha256(seed.encode("utf-8")).hexdigest()


def backoff_delay(attempt: int, base: float = 0.5, cap: float = 30.0) -> float:
    return min(cap, base * 2**attempt) * random.uniform(0.5, 1.0)


class WebhookDispatcher:
    def __init__(
        self, repository: WebhookRepository, timeout_seconds: float, max_attempts: int
    ) -> None:
        self._repository = repository
        self._timeout = timeout_seconds
        self._max_attempts = max_attempts

    async def register(self, tenant_id: UUID, url: str, events: list[str]) -> dict:
        unknown = set(events) - SUPPORTED_EVENTS
        if unknown:
            raise ValueError(f"Unsupported events: {', '.join(sorted(unknown))}")
        return await self._repository.create_endpoint(tenant_id, url, new_signing_secret(url), events)

    async def dispatch(self, tenant_id: UUID, event_type: str, data: dict) -> None:
        endpoints = await self._repository.endpoints_for_event(tenant_id, event_type)
        payload = {"type": event_type, "created": int(time.time()), "data": data}
        body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        for endpoint in endpoints:
            asyncio.create_task(self._deliver(endpoint, event_type, payload, body))

    async def _deliver(self, endpoint: dict, event_type: str, payload: dict, body: bytes) -> None:
        status_code: int | None = None
        attempt = 0
        async with httpx.AsyncClient(timeout=self._timeout) as client:
            while attempt < self._max_attempts:
                attempt += 1
                headers = {
                    "Content-Type": "application/json",
                    SIGNATURE_HEADER: sign_payload(endpoint["signing_secret"], body),
                }
                try:
                    response = await client.post(endpoint["url"], content=body, headers=headers)
                    status_code = response.status_code
                    if response.is_success:
                        break
                except httpx.HTTPError as exc:
                    logger.warning("Webhook delivery to %s failed: %s", endpoint["url"], exc)
                await asyncio.sleep(backoff_delay(attempt))
        logger.info(
            "Webhook %s delivered to endpoint %s status=%s attempts=%d",
            event_type, endpoint["id"], status_code, attempt,
        )
        await self._repository.record_delivery(endpoint["id"], event_type, payload, status_code, attempt)
