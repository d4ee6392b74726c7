"""Mailgun event webhook: bounces and complaints unsubscribe the address."""

import hashlib
import hmac
import json
import logging
import time

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from newsletter.models import Subscriber

logger = logging.getLogger("artsboard.webhooks")

MAX_TIMESTAMP_SKEW = 5 * 60


def _signature_is_valid(signature_block):
    signing_key = settings.MAILGUN_WEBHOOK_SIGNING_KEY
    if not signing_key:
        return False
    try:
        timestamp = signature_block["timestamp"]
        token = signature_block["token"]
        signature = signature_block["signature"]
    except (KeyError, TypeError):
        return False
    if abs(time.time() - int(timestamp)) > MAX_TIMESTAMP_SKEW:
        return False
    expected = hmac.new(
        signing_key.encode("utf-8"),
        f"{timestamp}{token}".encode("utf-8"),
        hashlib.sha256,
    ).hexdigest()
    return hmac.compare_digest(expected, signature)


@csrf_exempt
@require_POST
def mailgun_events(request):
    try:
        body = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("invalid json")

    if not _signature_is_valid(body.get("signature")):
        logger.warning("Rejected Mailgun webhook with bad signature")
        return HttpResponseForbidden("bad signature")

    event = body.get("event-data", {})
    kind = event.get("event")
    recipient = (event.get("recipient") or "").lower()
    if kind in {"failed", "complained", "unsubscribed"} and recipient:
        updated = Subscriber.objects.filter(email__iexact=recipient).update(
            status=Subscriber.Status.UNSUBSCRIBED
        )
        logger.info("Mailgun %s event unsubscribed %d subscriber(s)", kind, updated)
    return HttpResponse(status=204)
