import json
import logging

from asyncpg.exceptions import UniqueViolationError
from starlette.requests import Request
from starlette.responses import JSONResponse

from bookings import config
from bookings.csrf import csrf_exempt
from bookings.db import database
from bookings.services import bookings as booking_service
from bookings.services import mailer, payments
from bookings.services import users as user_service
from bookings.tables import payment_events

logger = logging.getLogger(__name__)

HANDLED_EVENTS = {"payment.succeeded", "payment.failed", "refund.succeeded"}


async def _record_event(event: dict) -> bool:
    """Store the event; False if we've already seen it (PayBridge retries)."""
    try:
        await database.execute(
            payment_events.insert().values(
                event_id=event["id"], event_type=event["type"], payload=event
            )
        )
    except UniqueViolationError:
        return False
    return True


@csrf_exempt
async def paybridge_webhook(request: Request):
    body = await request.body()
    try:
        payments.verify_webhook(
            body,
            request.headers.get("PayBridge-Signature", ""),
            str(config.PAYBRIDGE_WEBHOOK_SECRET),
        )
    except payments.SignatureError as exc:
        logger.warning("rejected PayBridge webhook: %s", exc)
        return JSONResponse({"error": "invalid signature"}, status_code=400)

    event = json.loads(body)
    if event.get("type") not in HANDLED_EVENTS:
        return JSONResponse({"ignored": True})
    if not await _record_event(event):
        return JSONResponse({"duplicate": True})

    data = event["data"]
    booking = await booking_service.get_by_payment_id(data["payment_id"])
    if booking is None:
        logger.warning("PayBridge event %s for unknown payment", event["id"])
        return JSONResponse({"unknown_payment": True})

    if event["type"] == "payment.succeeded":
        await booking_service.set_status(booking["id"], "confirmed")
        user = await user_service.get_active_user(booking["user_id"])
        if user is not None:
            booking = await booking_service.get_booking(booking["id"])
            await mailer.send_booking_confirmation(user, booking)
        logger.info("booking %s paid (card ending %s)", booking["reference"], data.get("card_last4", "????"))
    elif event["type"] == "payment.failed":
        await booking_service.set_status(booking["id"], "pending")
    elif event["type"] == "refund.succeeded":
        await booking_service.set_status(booking["id"], "refunded")
    return JSONResponse({"ok": True})
