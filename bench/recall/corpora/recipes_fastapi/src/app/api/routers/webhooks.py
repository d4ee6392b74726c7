"""Delivery events from the mail provider (bounces, complaints)."""
import hashlib
import hmac
import logging
import time
from typing import Any, Dict

from fastapi import APIRouter, Depends, HTTPException, Request, status
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.api.deps import get_db
from app.core.config import settings
from app.db.audit import record_event

router = APIRouter(prefix="/webhooks", tags=["webhooks"])
logger = logging.getLogger(__name__)

MAX_SIGNATURE_AGE = 5 * 60
HANDLED_EVENTS = {"failed", "complained", "unsubscribed"}


def verify_mailgun_signature(signing_key: str, timestamp: str, token: str, signature: str) -> bool:
    try:
        if abs(time.time() - int(timestamp)) > MAX_SIGNATURE_AGE:
            return False
    except (TypeError, ValueError):
        return False
    expected = hmac.new(signing_key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@router.post("/mail-events", status_code=status.HTTP_204_NO_CONTENT)
async def mail_events(request: Request, db: AsyncIOMotorDatabase = Depends(get_db)):
    if not settings.MAIL_WEBHOOK_SIGNING_KEY:
        raise HTTPException(status_code=status.HTTP_503_SERVICE_UNAVAILABLE, detail="Webhook not configured")
    body: Dict[str, Any] = await request.json()
    sig = body.get("signature") or {}
    if not verify_mailgun_signature(
        settings.MAIL_WEBHOOK_SIGNING_KEY,
        str(sig.get("timestamp", "")),
        str(sig.get("token", "")),
        str(sig.get("signature", "")),
    ):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Bad signature")

    event = body.get("event-data") or {}
    kind = event.get("event")
    recipient = (event.get("recipient") or "").strip().lower()
    if kind not in HANDLED_EVENTS or not recipient:
        return None

    if kind == "unsubscribed":
        update = {"notify_comments": False}
    else:
        update = {"email_bounced": True, "email_bounce_reason": kind}
    result = await db.users.update_one({"email": recipient}, {"$set": update})
    logger.info("mail event %s for user matched=%d", kind, result.matched_count)
    await record_event(f"mail.{kind}", "mailgun", recipient)
    return None
