import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.db import IntegrityError
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .gateway import WEBHOOK_SECRET_HEADER
from .models import WebhookEvent
from .tasks import process_payment_event

logger = logging.getLogger(__name__)


def _signature_is_valid(body: bytes, received: str) -> bool:
    expected = hmac.new(settings.PAYLANE_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, received)


@csrf_exempt
@require_POST
def paylane_webhook(request):
    if not _signature_is_valid(request.body, request.headers.get(WEBHOOK_SECRET_HEADER, "")):
        logger.warning("Rejected Paylane webhook with invalid signature from %s", request.META.get("REMOTE_ADDR"))
        return HttpResponse(status=400)

    try:
        event = json.loads(request.body)
    except json.JSONDecodeError:
        return HttpResponseBadRequest()

    try:
        WebhookEvent.objects.create(event_id=event["id"], event_type=event["type"], payload=event)
    except IntegrityError:
        return HttpResponse(status=200)  # duplicate delivery

    process_payment_event.delay(event["id"])
    return HttpResponse(status=200)
