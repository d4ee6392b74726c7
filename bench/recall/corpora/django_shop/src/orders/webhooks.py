"""Inbound webhooks from Stripe, the courier and the book distributor."""
import hashlib
import hmac
import json
import logging

import stripe
from django.conf import settings
from django.db.models import F
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from catalog.models import Book

from .models import Order
from .services import mark_order_paid

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    signature = request.META.get("HTTP_STRIPE_SIGNATURE", "")
    try:
        event = stripe.Webhook.construct_event(request.body, signature, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.error.SignatureVerificationError):
        logger.warning("Rejected Stripe webhook from %s", request.META.get("REMOTE_ADDR"))
        return HttpResponseBadRequest()

    try:
        if event["type"] == "checkout.session.completed":
            mark_order_paid(event["data"]["object"]["id"])
    except Exception:
        logger.exception("Failed to process Stripe event %s", event["id"])
        return HttpResponse(status=500)
    return HttpResponse(status=200)


CARRIER_STATUS_MAP = {
    "IN_TRANSIT": Order.Status.SHIPPED,
    "OUT_FOR_DELIVERY": Order.Status.SHIPPED,
    "DELIVERED": Order.Status.DELIVERED,
}


@csrf_exempt
@require_POST
def carrier_webhook(request):
    """Delivery status callbacks from ParcelLink."""
    if request.headers.get("X-ParcelLink-Token", "") != settings.CARRIER_WEBHOOK_TOKEN:
        return HttpResponseForbidden()
    try:
        payload = json.loads(request.body)
        status = CARRIER_STATUS_MAP[payload["status"]]
    except (ValueError, KeyError):
        return HttpResponseBadRequest()
    Order.objects.filter(carrier_reference=payload.get("reference", "")).update(status=status)
    return HttpResponse(status=204)


@csrf_exempt
@require_POST
def distributor_stock_webhook(request):
    """Real-time stock adjustments pushed by the distributor between nightly feeds."""
    signature = request.headers.get("X-Distributor-Signature", "")
    expected = hmac.new(settings.DISTRIBUTOR_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, expected):
        logger.warning("Bad distributor signature from %s", request.META.get("REMOTE_ADDR"))
        return HttpResponseForbidden()

    try:
        changes = json.loads(request.body)["adjustments"]
    except (ValueError, KeyError):
        return HttpResponseBadRequest()
    for change in changes:
        Book.objects.filter(isbn=str(change["isbn13"])).update(stock=F("stock") + int(change["delta"]))
    return HttpResponse(status=204)
