"""Inbound webhooks from the calendar sync service."""
import hashlib
import hmac
import json
import time

import structlog
from fastapi import APIRouter, HTTPException, Request, Response, status

from ..config import get_settings

settings = get_settings()
log = structlog.get_logger(__name__)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])

SIGNATURE_HEADER = "x-shiftboard-signature"
TIMESTAMP_HEADER = "x-shiftboard-timestamp"
MAX_CLOCK_SKEW = 300


def expected_signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def _fresh(timestamp: str) -> bool:
    try:
        return abs(time.time() - int(timestamp)) <= MAX_CLOCK_SKEW
    except ValueError:
        return False


@router.post("/calendar-sync", status_code=status.HTTP_204_NO_CONTENT)
async def calendar_sync(request: Request) -> Response:
    if not settings.calendar_webhook_secret:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "Webhook not configured")

    body = await request.body()
    timestamp = request.headers.get(TIMESTAMP_HEADER, "")
    signature = request.headers.get(SIGNATURE_HEADER, "")
    expected = expected_signature(settings.calendar_webhook_secret, timestamp, body)
    if not _fresh(timestamp) or not hmac.compare_digest(expected, signature):
        log.warning("webhook.bad_signature", source="calendar-sync", headers=dict(request.headers))
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid signature")

    try:
        event = json.loads(body)
    except json.JSONDecodeError:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Body is not JSON") from None
    if event.get("type") not in {"event.updated", "event.deleted"}:
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    await request.app.state.arq.enqueue_job("apply_calendar_event", event, _job_id=f"cal:{event.get('id')}")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
