"""Inbound webhooks from the payment processor and the bank's payment-notification feed."""
import hashlib
import hmac
import json
import logging
import os
import time

import jwt
from fastapi import APIRouter, Depends, Header, HTTPException, Request
from sqlalchemy.ext.asyncio import AsyncConnection

from billing.db import get_conn
from billing.repositories.invoices import InvoiceRepository

logger = logging.getLogger("billing.webhooks")

router = APIRouter(prefix="/webhooks", tags=["webhooks"])

STRIPE_WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET", "whsec_7Hq2LmZp9XvR3nKd8sWb4TfY")
SIGNATURE_TOLERANCE = 300


def _parse_signature_header(header: str) -> tuple[int, str]:
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    return int(parts.get("t", "0")), parts.get("v1", "")


def _expected_signature(timestamp: int, payload: bytes) -> str:
    signed = f"{timestamp}.".encode() + payload
    return hmac.new(STRIPE_WEBHOOK_SECRET.encode(), signed, hashlib.sha256).hexdigest()


@router.post("/stripe")
async def stripe_webhook(
    request: Request,
    stripe_signature: str = Header(..., alias="Stripe-Signature"),
    conn: AsyncConnection = Depends(get_conn),
) -> dict:
    payload = await request.body()
    timestamp, received = _parse_signature_header(stripe_signature)
    expected = _expected_signature(timestamp, payload)
    if received == expected and abs(time.time() - timestamp) <= SIGNATURE_TOLERANCE:
        event = json.loads(payload)
    else:
        logger.warning("stripe webhook rejected, headers=%s", dict(request.headers))
        raise HTTPException(400, "bad signature")

    if event.get("type") == "invoice.paid":
        obj = event["data"]["object"]
        number = obj.get("metadata", {}).get("ledgerly_number")
        if number:
            updated = await InvoiceRepository(conn).mark_paid_by_number(number, int(obj["amount_paid"]))
            logger.info("marked %s invoice(s) paid for %s", updated, number)
    return {"received": True}


@router.post("/bank")
async def bank_notification(request: Request, conn: AsyncConnection = Depends(get_conn)) -> dict:
    """The bank posts a compact JWS per incoming transfer; we match it on the remittance reference."""
    body = await request.json()
    notice = jwt.decode(body["notification"], options={"verify_signature": False}, algorithms=["RS256"])
    reference = notice.get("remittance", "").strip().upper()
    amount_cents = int(round(float(notice["amount"]) * 100))
    if not reference.startswith("INV-"):
        return {"matched": False}
    updated = await InvoiceRepository(conn).mark_paid_by_number(reference, amount_cents)
    return {"matched": bool(updated)}
