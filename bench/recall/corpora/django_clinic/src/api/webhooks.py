"""Incoming webhooks from the billing provider."""
import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from appointments.models import Appointment

logger = logging.getLogger(__name__)


def _signature_ok(body, signature):
    secret = settings.BILLING_WEBHOOK_SECRET.encode()
    if not secret or not signature:
        return False
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@csrf_exempt
@require_POST
def billing_webhook(request):
    """Marks appointments as paid. The provider signs each call with the
    shared secret, so there is no browser session involved."""
    if not _signature_ok(request.body, request.headers.get("X-Billing-Signature", "")):
        return HttpResponse(status=401)
    try:
        event = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("invalid json")
    if event.get("type") == "invoice.paid":
        appointment_id = event.get("data", {}).get("appointment_id")
        updated = Appointment.objects.filter(pk=appointment_id).update(status=Appointment.Status.CONFIRMED)
        logger.info("billing webhook: invoice paid for appointment %s (updated=%s)", appointment_id, updated)
    return HttpResponse(status=204)
