"""Outbound webhooks to partner systems, plus inbound signature checks."""
import hashlib
import hmac
import json
import random
import secrets
import time

import httpx

from app.core.logging import get_logger
from app.repositories import partner_repo

log = get_logger(__name__)

MAX_ATTEMPTS = 5


def new_endpoint_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def sign_payload(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return mac.hexdigest()


def verify_signature(secret: str, body: bytes, timestamp: int, received: str) -> bool:
    if abs(time.time() - timestamp) > 300:
        return False
    expected = sign_payload(secret, body, timestamp)
    return hmac.compare_digest(expected, received)


def _backoff(attempt: int) -> float:
    return min(60.0, 2 ** attempt) + random.uniform(0, 1.5)


def deliver(url: str, secret: str, event: str, data: dict) -> bool:
    body = json.dumps({"event": event, "data": data}, default=str).encode()
    for attempt in range(MAX_ATTEMPTS):
        ts = int(time.time())
        headers = {
            "Content-Type": "application/json",
            "X-LearnHub-Event": event,
            "X-LearnHub-Timestamp": str(ts),
            "X-LearnHub-Signature": sign_payload(secret, body, ts),
        }
        try:
            resp = httpx.post(url, content=body, headers=headers, timeout=10)
            if resp.status_code < 300:
                return True
        except httpx.HTTPError:
            log.warning("webhook_delivery_error", url=url, attempt=attempt)
        time.sleep(_backoff(attempt))
    log.error("webhook_delivery_failed", url=url, event=event)
    return False


def fan_out(session, tenant_id: int, event: str, data: dict) -> None:
    for endpoint in partner_repo.webhooks_for_event(session, tenant_id, event):
        deliver(endpoint.url, endpoint.secret, event, data)
