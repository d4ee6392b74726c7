import hashlib
import hmac
import json
import logging
import time

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .services import store_card_transaction

logger = logging.getLogger(__name__)

SIGNATURE_TOLERANCE = 300


def _valid_signature(request):
    header = request.headers.get("X-CardFeed-Signature", "")
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
        received = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > SIGNATURE_TOLERANCE:
        return False
    signed = f"{timestamp}.".encode() + request.body
    expected = hmac.new(
        settings.CARD_WEBHOOK_SECRET.encode(), signed, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, received)


@csrf_exempt
@require_POST
def card_feed_webhook(request):
    if not settings.CARD_WEBHOOK_SECRET or not _valid_signature(request):
        return HttpResponseForbidden()
    try:
        event = json.loads(request.body)
    except json.JSONDecodeError:
        return HttpResponseBadRequest()

    if event.get("type") == "transaction.posted":
        txn, created = store_card_transaction(event["data"])
        logger.info("card transaction %s stored (new=%s)", txn.provider_id, created)
    else:
        logger.debug("ignoring card feed event type %s", event.get("type"))
    return HttpResponse(status=204)
