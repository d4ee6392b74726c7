"""Paddle Billing notifications (subscription lifecycle, completed transactions)."""
import hashlib
import hmac
import json
import logging
import time

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .tasks import handle_paddle_event

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "Paddle-Signature"
MAX_CLOCK_SKEW = 5 * 60
HANDLED_EVENTS = {"subscription.created", "subscription.updated", "subscription.canceled", "transaction.completed"}


def parse_signature_header(header: str):
    parts = {}
    for item in header.split(";"):
        key, sep, value = item.partition("=")
        if sep:
            parts[key.strip()] = value.strip()
    return parts.get("ts"), parts.get("h1")


def verify_signature(raw_body: bytes, header: str, secret: str, *, now=None) -> bool:
    timestamp, received = parse_signature_header(header)
    if not timestamp or not received or not timestamp.isdigit():
        return False
    if abs((now or time.time()) - int(timestamp)) > MAX_CLOCK_SKEW:
        return False
    expected = hmac.new(secret.encode(), timestamp.encode() + b":" + raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, received)


@csrf_exempt
@require_POST
def paddle_webhook(request):
    if not verify_signature(request.body, request.headers.get(SIGNATURE_HEADER, ""), settings.PADDLE_WEBHOOK_SECRET):
        logger.warning("Rejected Paddle notification with an invalid signature")
        return HttpResponseForbidden()

    try:
        event = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest()

    event_type = event.get("event_type")
    if event_type in HANDLED_EVENTS:
        handle_paddle_event.delay(event)
    logger.info("Paddle notification %s (%s) accepted", event.get("notification_id"), event_type)
    return HttpResponse(status=200)
