"""Inbound webhooks from the mail provider (bounces / spam complaints)."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time

from fastapi import APIRouter, Header, HTTPException, Request, status

from inkwell.config import settings
from inkwell.models import User

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/webhooks", tags=["webhooks"], include_in_schema=False)

SIGNATURE_TOLERANCE_SECONDS = 300


def _verify_signature(payload: bytes, timestamp: str, signature: str) -> bool:
    try:
        sent_at = int(timestamp)
    except ValueError:
        return False
    if abs(time.time() - sent_at) > SIGNATURE_TOLERANCE_SECONDS:
        return False
    secret = settings.webhook_secret.get_secret_value().encode()
    expected = hmac.new(secret, f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@router.post("/mail-events", status_code=status.HTTP_204_NO_CONTENT)
async def mail_events(
    request: Request,
    x_inkwell_timestamp: str = Header(...),
    x_inkwell_signature: str = Header(...),
) -> None:
    payload = await request.body()
    if not _verify_signature(payload, x_inkwell_timestamp, x_inkwell_signature):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Bad signature")

    try:
        events = json.loads(payload)
    except ValueError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Invalid JSON") from exc

    for event in events if isinstance(events, list) else [events]:
        kind = event.get("RecordType") or event.get("type")
        email = (event.get("Email") or event.get("email") or "").strip().lower()
        if kind not in {"Bounce", "SpamComplaint"} or not email:
            continue
        user = await User.find_one(User.email == email)
        if user is not None and not user.email_bounced:
            user.email_bounced = True
            user.digest_opt_in = False
            await user.save_changes()
            logger.info("marked %s as bounced (%s)", user.id, kind)
