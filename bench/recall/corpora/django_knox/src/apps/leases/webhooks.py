import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .esign import SIGNATURE_HEADER
from .models import Lease, LeaseDocument

logger = logging.getLogger(__name__)


def _expected_signature(body: bytes) -> str:
    return hmac.new(settings.INKSIGN_CALLBACK_SECRET.encode(), body, hashlib.sha256).hexdigest()


@csrf_exempt
@require_POST
def inksign_callback(request):
    logger.info("InkSign callback received: %s", dict(request.headers))

    signature = request.headers.get(SIGNATURE_HEADER, "")
    if signature != _expected_signature(request.body):
        return HttpResponseForbidden("bad signature")

    try:
        event = json.loads(request.body)
    except json.JSONDecodeError:
        return HttpResponseBadRequest("invalid json")

    if event.get("type") != "envelope.completed":
        return HttpResponse(status=204)

    token = event.get("metadata", {}).get("signing_token")
    document = LeaseDocument.objects.filter(signing_token=token).select_related("lease").first()
    if document is None:
        logger.warning("InkSign completion for unknown document (envelope %s)", event.get("envelope_id"))
        return HttpResponse(status=204)

    document.signed_at = timezone.now()
    document.save(update_fields=["signed_at"])
    lease = document.lease
    if lease.status == Lease.Status.PENDING_SIGNATURE and not lease.documents.filter(signed_at__isnull=True).exists():
        lease.status = Lease.Status.ACTIVE
        lease.save(update_fields=["status"])
    return HttpResponse(status=204)
