import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from circulation.models import Fine

logger = logging.getLogger("libnet.payments")


@csrf_exempt
@require_POST
def stripe_webhook(request):
    signature = request.META.get("HTTP_STRIPE_SIGNATURE", "")
    try:
        event = stripe.Webhook.construct_event(
            request.body, signature, settings.STRIPE_WEBHOOK_SECRET
        )
    except (ValueError, stripe.error.SignatureVerificationError):
        logger.warning("rejected stripe webhook with bad payload or signature")
        return HttpResponseBadRequest("invalid signature")

    if event["type"] == "checkout.session.completed":
        session = event["data"]["object"]
        metadata = session.get("metadata") or {}
        fine_ids = [int(pk) for pk in metadata.get("fine_ids", "").split(",") if pk]
        updated = Fine.objects.filter(
            pk__in=fine_ids, patron_id=metadata.get("patron_id"), paid=False
        ).update(paid=True, payment_reference=session["id"])
        logger.info("checkout %s settled %d fine(s)", session["id"], updated)

    return HttpResponse(status=200)
