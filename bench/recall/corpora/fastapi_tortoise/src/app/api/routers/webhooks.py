import hashlib
import hmac
import json
from datetime import datetime, timezone

from fastapi import APIRouter, Header, HTTPException, Request, status
from loguru import logger

from app.core.config import settings
from app.models import Enrollment, Payment

router = APIRouter(prefix="/webhooks", tags=["webhooks"], include_in_schema=False)


def _expected_signature(payload: bytes) -> str:
    secret = settings.payments_webhook_secret.get_secret_value().encode()
    return hmac.new(secret, payload, hashlib.sha256).hexdigest()


@router.post("/payments", status_code=status.HTTP_204_NO_CONTENT)
async def payment_webhook(request: Request, signature: str = Header(alias="X-Lingua-Pay-Signature")):
    payload = await request.body()
    if not hmac.compare_digest(_expected_signature(payload), signature):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "bad signature")
    event = json.loads(payload)
    if event.get("type") != "payment.succeeded":
        return
    data = event["data"]
    enrollment = await Enrollment.get_or_none(id=int(data["metadata"]["enrollment_id"]))
    _, created = await Payment.get_or_create(
        provider_ref=data["id"],
        defaults={
            "enrollment": enrollment,
            "amount_cents": int(data["amount"]),
            "currency": data.get("currency", "EUR").upper(),
            "paid_at": datetime.fromtimestamp(int(data["created"]), tz=timezone.utc),
        },
    )
    if created:
        logger.info("recorded payment {} for enrollment {}", data["id"], enrollment.id if enrollment else None)
