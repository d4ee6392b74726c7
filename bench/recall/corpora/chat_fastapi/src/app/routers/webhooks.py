"""Delivery events pushed by the mail provider (bounces, complaints)."""
import hashlib
import hmac
import json
import time

from fastapi import APIRouter, Header, HTTPException, Request, status
from sqlmodel import select

from app.core.config import settings
from app.core.logging import get_logger
from app.db import SessionLocal
from app.models import User
from app.services import audit

router = APIRouter(prefix="/webhooks", tags=["webhooks"], include_in_schema=False)
logger = get_logger("webhooks")

MAX_SKEW_SECONDS = 300
_DISABLE_DIGEST_EVENTS = {"bounce", "complaint", "unsubscribe"}


def _signature_ok(body: bytes, timestamp: str, signature: str) -> bool:
    secret = settings.MAILER_WEBHOOK_SECRET.get_secret_value()
    if not secret:
        return False
    try:
        sent_at = int(timestamp)
    except ValueError:
        return False
    if abs(time.time() - sent_at) > MAX_SKEW_SECONDS:
        return False
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@router.post("/mail-events", status_code=status.HTTP_204_NO_CONTENT)
async def mail_events(
    request: Request,
    x_mail_timestamp: str = Header(...),
    x_mail_signature: str = Header(...),
):
    body = await request.body()
    if not _signature_ok(body, x_mail_timestamp, x_mail_signature):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="bad signature")

    try:
        events = json.loads(body)
    except json.JSONDecodeError:
        raise HTTPException(status_code=400, detail="invalid JSON")
    if isinstance(events, dict):
        events = [events]

    handled = 0
    async with SessionLocal() as session:
        for event in events:
            kind = event.get("event")
            address = (event.get("recipient") or "").strip().lower()
            if kind not in _DISABLE_DIGEST_EVENTS or not address:
                continue
            user = (await session.exec(select(User).where(User.email == address))).first()
            if user is None:
                continue
            user.digest_enabled = False
            if kind in ("bounce", "complaint"):
                user.email_bouncing = True
            session.add(user)
            await audit.record(session, f"mail.{kind}", target=f"user:{user.id}")
            handled += 1
        await session.commit()
    logger.info("mail webhook: %d of %d events applied", handled, len(events))
