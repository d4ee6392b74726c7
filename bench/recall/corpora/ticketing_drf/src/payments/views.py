import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from orders.models import Order
from orders.services import mark_paid

from .signature import SignatureError, verify_stripe_signature

logger = logging.getLogger("payments.webhooks")

HANDLED_EVENTS = {"payment_intent.succeeded", "charge.refunded"}


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Receives Stripe events; authenticity comes from the signed header."""
    try:
        verify_stripe_signature(
            request.body,
            request.headers.get("Stripe-Signature"),
            settings.STRIPE_WEBHOOK_SECRET,
        )
    except SignatureError as exc:
        logger.warning("stripe webhook rejected (%s); headers=%s", exc, dict(request.headers))
        return HttpResponseBadRequest("invalid signature")

    event = json.loads(request.body)
    event_type = event.get("type")
    if event_type not in HANDLED_EVENTS:
        return HttpResponse(status=204)

    obj = event["data"]["object"]
    reference = (obj.get("metadata") or {}).get("order_reference")
    order = Order.objects.filter(reference=reference).first()
    if order is None:
        logger.info("stripe event %s for unknown order reference %s", event.get("id"), reference)
        return HttpResponse(status=204)

    if event_type == "payment_intent.succeeded":
        mark_paid(order, obj["id"])
    elif event_type == "charge.refunded":
        order.status = Order.Status.REFUNDED
        order.save(update_fields=["status"])
    return HttpResponse(status=200)
