"""Inbound webhooks from third parties."""
import logging

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status

from app.config import get_settings
from app.dependencies import get_user_repo
from app.repositories.users import UserRepository
from app.security.signatures import verify_mailgun_signature

router = APIRouter(prefix="/webhooks", tags=["webhooks"])
logger = logging.getLogger("gather.webhooks")
settings = get_settings()

BOUNCE_EVENTS = frozenset({"failed", "complained", "unsubscribed"})


@router.post("/mailgun", status_code=status.HTTP_204_NO_CONTENT)
async def mailgun_events(request: Request, users: UserRepository = Depends(get_user_repo)):
    payload = await request.json()
    signature = payload.get("signature") or {}
    if not verify_mailgun_signature(
        settings.mailgun_webhook_signing_key,
        str(signature.get("timestamp", "")),
        str(signature.get("token", "")),
        str(signature.get("signature", "")),
    ):
        logger.warning("rejected Mailgun webhook with an invalid signature")
        raise HTTPException(status.HTTP_403_FORBIDDEN, "invalid signature")

    event = payload.get("event-data") or {}
    if event.get("event") in BOUNCE_EVENTS and event.get("recipient"):
        user = await users.get_by_email(event["recipient"])
        if user is not None:
            await users.update_fields(user["_id"], email_bounced=True, **{"email_prefs.rsvp_notices": False, "email_prefs.event_updates": False})
            logger.info("disabled e-mail for user %s after Mailgun %s event", user["_id"], event["event"])
    return Response(status_code=status.HTTP_204_NO_CONTENT)
