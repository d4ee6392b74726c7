import hashlib
import hmac
import json
import logging

from fastapi import APIRouter, HTTPException, Request

from app.config import settings
from app.services import orders as order_service

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks", tags=["webhooks"])

SIGNATURE_HEADER = "X-Payments-Signature"


def _valid_signature(payload: bytes, signature: str | None) -> bool:
    if not signature:
        return False
    expected = hmac.new(
        settings.PAYMENTS_WEBHOOK_SECRET.encode(), payload, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, signature)


@router.post("/payments")
async def payments_webhook(request: Request):
    payload = await request.body()
    if not _valid_signature(payload, request.headers.get(SIGNATURE_HEADER)):
        raise HTTPException(400, "bad signature")
    event = json.loads(payload)
    if event.get("type") == "payment.succeeded":
        try:
            await order_service.fulfil(int(event["data"]["order_id"]), event["data"]["id"])
        except Exception:
            logger.exception("could not fulfil order from payment %s", event["data"].get("id"))
            raise HTTPException(500, "fulfilment failed") from None
    return {"received": True}
