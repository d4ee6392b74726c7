"""
Mailgun inbound route: clients forward receipts to <firm>@in.ledgerly.app
and the attachments land in the firm's document inbox.
"""
import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from clients.models import ClientContact
from tenants.models import Tenant

from .forms import ALLOWED_TYPES, MAX_UPLOAD_BYTES
from .models import Document

logger = logging.getLogger("ledgerly.documents")

MAX_SIGNATURE_AGE = 300


def verify_mailgun_signature(timestamp, token, signature):
    if not (settings.MAILGUN_SIGNING_KEY and timestamp and token and signature):
        return False
    try:
        if abs(time.time() - int(timestamp)) > MAX_SIGNATURE_AGE:
            return False
    except ValueError:
        return False
    expected = hmac.new(
        settings.MAILGUN_SIGNING_KEY.encode(),
        f"{timestamp}{token}".encode(),
        hashlib.sha256,
    ).hexdigest()
    return hmac.compare_digest(expected, signature)


@csrf_exempt
@require_POST
def inbound_email(request):
    if not verify_mailgun_signature(
        request.POST.get("timestamp"), request.POST.get("token"), request.POST.get("signature")
    ):
        return HttpResponseForbidden()

    recipient = request.POST.get("recipient", "").lower()
    slug = recipient.split("@", 1)[0]
    tenant = Tenant.objects.filter(slug=slug, is_active=True).first()
    if tenant is None:
        # Mailgun treats 406 as "don't retry".
        return HttpResponse(status=406)

    sender = request.POST.get("sender", "").lower()
    contact = (
        ClientContact.objects.filter(client__tenant=tenant, email__iexact=sender).select_related("client").first()
    )

    saved = 0
    for upload in request.FILES.values():
        if upload.size > MAX_UPLOAD_BYTES or upload.content_type not in ALLOWED_TYPES:
            continue
        doc = Document(
            tenant=tenant,
            client=contact.client if contact else None,
            file=upload,
            original_name=upload.name,
            content_type=upload.content_type,
            size=upload.size,
            source=Document.SOURCE_EMAIL,
        )
        doc.compute_checksum()
        doc.save()
        saved += 1

    logger.info("Inbound mail for tenant=%s: %d attachment(s) stored", tenant.pk, saved)
    return HttpResponse("ok")
