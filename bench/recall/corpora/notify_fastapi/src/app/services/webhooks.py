import hashlib
import hmac
import json
import logging
import time
from typing import Any

import httpx

from app.core.config import settings
from app.models import WebhookSubscription

logger = logging.getLogger(__name__)

USER_AGENT = "Notify-Webhooks/1.0"


def sign_payload(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def matches(sub: WebhookSubscription, event: str) -> bool:
    return sub.is_active and ("*" in sub.event_types or event in sub.event_types)


async def deliver(
    sub: WebhookSubscription,
    event: str,
    data: dict[str, Any],
    *,
    client: httpx.AsyncClient | None = None,
) -> httpx.Response:
    body = json.dumps({"event": event, "data": data}, separators=(",", ":")).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Notify-Event": event,
        "X-Notify-Signature": sign_payload(sub.secret, body, timestamp),
    }
    owns_client = client is None
    http = client or httpx.AsyncClient(timeout=settings.WEBHOOK_TIMEOUT_SECONDS)
    try:
        response = await http.post(sub.url, content=body, headers=headers)
        response.raise_for_status()
        return response
    except httpx.HTTPError as exc:
        logger.warning("Webhook delivery to %s failed: %s", sub.url, exc, extra={"sub_id": sub.id, "secret": sub.secret})
        raise
    finally:
        if owns_client:
            await http.aclose()
