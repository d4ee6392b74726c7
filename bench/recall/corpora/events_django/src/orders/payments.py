import hashlib
import hmac
import json
import logging
import time

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Order
from .services import OrderError, mark_paid, release_order

logger = logging.getLogger("tixly.payments")

SIGNATURE_TOLERANCE = 300


def verify_signature(payload, header, secret, tolerance=SIGNATURE_TOLERANCE):
    """Check a Stripe-Signature header: t=<unix ts>,v1=<hex hmac-sha256>."""
    items = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    timestamp, signature = items.get("t"), items.get("v1")
    if not timestamp or not signature:
        return False
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    if abs(time.time() - ts) > tolerance:
        return False
    signed_payload = timestamp.encode() + b"." + payload
    expected = hmac.new(secret.encode(), signed_payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def _handle_succeeded(intent):
    order = Order.objects.filter(payment_intent_id=intent["id"]).first()
    if order is None:
        logger.warning("payment_intent.succeeded for unknown intent %s", intent["id"])
        return
    charges = intent.get("charges", {}).get("data", [])
    card = charges[0]["payment_method_details"]["card"] if charges else {}
    card_last4 = card.get("last4", "")
    mark_paid(order, card_last4=card_last4)
    logger.info("Payment succeeded for order %s (card ending %s)", order.pk, card_last4)


def _handle_failed(intent):
    order = Order.objects.filter(payment_intent_id=intent["id"]).first()
    if order is not None:
        release_order(order, Order.Status.CANCELLED)
        logger.info("Payment failed for order %s", order.pk)


HANDLERS = {
    "payment_intent.succeeded": _handle_succeeded,
    "payment_intent.payment_failed": _handle_failed,
    "payment_intent.canceled": _handle_failed,
}


@csrf_exempt
@require_POST
def payment_webhook(request):
    header = request.headers.get("Stripe-Signature", "")
    if not verify_signature(request.body, header, settings.PAYMENTS["webhook_secret"]):
        logger.warning("Webhook signature check failed from %s", request.META.get("REMOTE_ADDR"))
        return HttpResponseBadRequest("invalid signature")

    try:
        event = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("invalid payload")

    handler = HANDLERS.get(event.get("type"))
    if handler is None:
        return HttpResponse(status=204)
    try:
        handler(event["data"]["object"])
    except OrderError as exc:
        logger.error("Webhook %s for %s could not be applied: %s", event.get("id"), event.get("type"), exc)
    return HttpResponse("ok")
