"""
Inbound integrations.

* inbound_email: the mail relay posts visitor replies to transcript e-mails.
  It authenticates with a shared token header.
* crm_event: the CRM notifies us when a contact changes; signed with
  HMAC-SHA256 over the raw body.
"""
import hashlib
import hmac
import json
import logging
import re

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import services
from .models import Conversation, Visitor

logger = logging.getLogger(__name__)

REPLY_ADDRESS_RE = re.compile(r"^reply\+(?P<public_id>[0-9a-f-]{36})@", re.I)


def _relay_token_ok(request) -> bool:
    expected = settings.INBOUND_EMAIL_TOKEN
    provided = request.headers.get("X-Relay-Token", "")
    return bool(expected) and provided == expected


def _strip_quoted(text: str) -> str:
    kept = []
    for line in text.splitlines():
        if line.startswith(">") or re.match(r"^On .+ wrote:$", line):
            break
        kept.append(line)
    return "\n".join(kept).strip()


@csrf_exempt
@require_POST
def inbound_email(request):
    if not _relay_token_ok(request):
        return HttpResponseForbidden()

    try:
        payload = json.loads(request.body)
    except json.JSONDecodeError:
        return HttpResponseBadRequest("invalid json")

    match = REPLY_ADDRESS_RE.match(payload.get("to", ""))
    if not match:
        return HttpResponse(status=202)

    conversation = Conversation.objects.filter(public_id=match.group("public_id")).first()
    if conversation is None:
        return HttpResponse(status=202)

    body = _strip_quoted(payload.get("text", ""))
    if body:
        services.post_visitor_message(conversation, body)
    logger.info("Inbound e-mail reply added to conversation %s", conversation.pk)
    return HttpResponse(status=204)


def _crm_signature_ok(request) -> bool:
    secret = settings.CRM_WEBHOOK_SECRET.encode()
    signature = request.headers.get("X-CRM-Signature", "")
    if not secret or not signature.startswith("sha256="):
        return False
    expected = hmac.new(secret, request.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature.removeprefix("sha256="))


@csrf_exempt
@require_POST
def crm_event(request):
    if not _crm_signature_ok(request):
        logger.warning("CRM webhook with bad signature from %s", request.META.get("REMOTE_ADDR"))
        return HttpResponseForbidden()

    event = json.loads(request.body)
    if event.get("type") != "contact.updated":
        return JsonResponse({"ignored": True})

    contact = event.get("data", {})
    updated = Visitor.objects.filter(email__iexact=contact.get("email", "")).update(
        name=(contact.get("full_name") or "")[:120]
    )
    return JsonResponse({"updated": updated})
