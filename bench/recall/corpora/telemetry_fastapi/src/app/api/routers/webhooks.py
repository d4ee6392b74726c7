import logging

import stripe
from fastapi import APIRouter, Header, HTTPException, Request, status

from app.api.deps import SessionDep
from app.services import billing

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])


@router.post("/stripe", status_code=status.HTTP_200_OK)
async def stripe_webhook(
    request: Request,
    session: SessionDep,
    stripe_signature: str = Header(..., alias="Stripe-Signature"),
) -> dict[str, str]:
    payload = await request.body()
    try:
        event = billing.construct_event(payload, stripe_signature)
    except (ValueError, stripe.error.SignatureVerificationError):
        logger.exception("stripe webhook rejected")
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Invalid webhook payload")

    processed = await billing.handle_event(session, event)
    logger.info("stripe event %s (%s) processed=%s", event["id"], event["type"], processed)
    return {"status": "ok" if processed else "duplicate"}
