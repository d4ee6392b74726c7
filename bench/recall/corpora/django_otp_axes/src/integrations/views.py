import hashlib
import hmac
import json
import logging
from datetime import date

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from expenses.models import ClaimLine

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "HTTP_X_EXPENSIFY_SIGNATURE"


def apply_card_event(event):
    kind = event.get("type")
    if kind != "transaction.settled":
        logger.info("ignoring card event type %s", kind)
        return
    data = event["data"]
    updated = ClaimLine.objects.filter(
        merchant__iexact=data["merchant"], amount=data["amount"], spent_on=date.fromisoformat(data["date"])
    ).update(currency=data.get("currency", "GBP"))
    logger.info("card event %s matched %d claim lines", event.get("id"), updated)


def _valid_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(settings.EXPENSIFY_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


@csrf_exempt
@require_POST
def card_event_webhook(request):
    if not _valid_signature(request.body, request.META.get(SIGNATURE_HEADER, "")):
        logger.warning("card webhook with bad signature from %s", request.META.get("REMOTE_ADDR"))
        return HttpResponseForbidden()
    try:
        event = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest()
    apply_card_event(event)
    return HttpResponse(status=204)
