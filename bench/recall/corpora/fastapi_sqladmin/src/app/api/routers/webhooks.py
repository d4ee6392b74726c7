import hashlib
import hmac
import json
import logging

from fastapi import APIRouter, Depends, Header, HTTPException, Request, status
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.db.session import get_session
from app.models import Lease

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks", tags=["webhooks"])


def _valid_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(settings.PAYMENTS_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@router.post("/payments")
async def payments_webhook(
    request: Request,
    x_signature: str = Header(..., alias="X-Payments-Signature"),
    session: AsyncSession = Depends(get_session),
):
    body = await request.body()
    if not _valid_signature(body, x_signature):
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Bad signature")
    event = json.loads(body)
    if event.get("type") == "mandate.cancelled":
        lease_id = int(event["data"]["lease_id"])
        await session.execute(update(Lease).where(Lease.id == lease_id).values(autopay_enabled=False))
        await session.commit()
    logger.info("processed payments event type=%s id=%s", event.get("type"), event.get("id"))
    return {"received": True}
