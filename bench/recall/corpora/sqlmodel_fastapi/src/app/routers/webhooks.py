import hashlib
import hmac
import json
import logging
import time

from fastapi import APIRouter, Header, HTTPException, Request, status
from sqlmodel import select

from app.core.config import settings
from app.db import SessionDep
from app.models import Invoice

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/webhooks", tags=["webhooks"], include_in_schema=False)

SIGNATURE_TOLERANCE_SECONDS = 300


def verify_stripe_signature(payload: bytes, header: str, secret: str) -> None:
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    timestamp, signature = parts.get("t"), parts.get("v1")
    if not timestamp or not signature:
        raise HTTPException(status_code=400, detail="Malformed signature header")
    if abs(time.time() - int(timestamp)) > SIGNATURE_TOLERANCE_SECONDS:
        raise HTTPException(status_code=400, detail="Signature timestamp outside tolerance")
    signed = f"{timestamp}.".encode() + payload
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise HTTPException(status_code=400, detail="Invalid signature")


@router.post("/stripe", status_code=status.HTTP_204_NO_CONTENT)
async def stripe_webhook(
    request: Request,
    session: SessionDep,
    stripe_signature: str = Header(alias="Stripe-Signature"),
) -> None:
    payload = await request.body()
    verify_stripe_signature(payload, stripe_signature, settings.STRIPE_WEBHOOK_SECRET)
    event = json.loads(payload)
    if event.get("type") != "invoice.paid":
        return
    number = event["data"]["object"].get("metadata", {}).get("invoice_number")
    result = await session.exec(select(Invoice).where(Invoice.number == number))
    invoice = result.first()
    if invoice and invoice.paid_at is None:
        from datetime import datetime, timezone

        invoice.paid_at = datetime.now(timezone.utc)
        session.add(invoice)
        await session.commit()
        logger.info("invoice %s marked paid (event %s)", number, event.get("id"))
