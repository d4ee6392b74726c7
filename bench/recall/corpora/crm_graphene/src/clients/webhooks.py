"""
Inbound integrations.

* ``job_board_webhook``: application events from the job board we advertise on,
  signed with a shared HMAC secret.
* ``partner_job_order``: job orders pushed by a partner ATS, authenticated with
  an RS256 JWT issued by the partner.
"""
import hashlib
import hmac
import json
import logging

import jwt
from django.conf import settings
from django.db import transaction
from django.http import HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from candidates.models import Candidate

from .models import Client, JobOrder

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-JobBoard-Signature"


def _expected_signature(body: bytes) -> str:
    secret = settings.CLIENT_WEBHOOK_SECRET.encode("utf-8")
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


@csrf_exempt
@require_POST
def job_board_webhook(request):
    if not settings.CLIENT_WEBHOOK_SECRET:
        logger.error("job board webhook called but CLIENT_WEBHOOK_SECRET is empty")
        return HttpResponseForbidden()

    signature = request.headers.get(SIGNATURE_HEADER, "")
    if not hmac.compare_digest(signature, _expected_signature(request.body)):
        logger.warning("rejected job board webhook %s %s: bad signature", request.method, request.path)
        return HttpResponseForbidden()

    try:
        event = json.loads(request.body)
        handle_job_board_event(event)
    except Exception:
        logger.exception("job board webhook processing failed")
        return JsonResponse({"detail": "could not process event"}, status=500)
    return JsonResponse({"ok": True})


@transaction.atomic
def handle_job_board_event(event):
    kind = event.get("type")
    data = event.get("data") or {}
    if kind == "application.created":
        applicant = data["applicant"]
        candidate, created = Candidate.objects.get_or_create(
            email=applicant["email"].strip().lower(),
            defaults={
                "first_name": applicant.get("first_name", "")[:80],
                "last_name": applicant.get("last_name", "")[:80],
                "phone": applicant.get("phone", "")[:32],
                "city": applicant.get("location", "")[:80],
                "cover_letter": applicant.get("cover_letter", ""),
                "source": Candidate.Source.JOB_BOARD,
            },
        )
        logger.info("job board application for candidate %s (new=%s)", candidate.pk, created)
    elif kind == "job.expired":
        JobOrder.objects.filter(external_ref=data.get("job_id", "")).update(status=JobOrder.Status.ON_HOLD)
    else:
        logger.info("ignoring job board event type %r", kind)


def _partner_claims(token: str) -> dict:
    kid = jwt.get_unverified_header(token).get("kid")
    public_key = settings.PARTNER_JWT_PUBLIC_KEYS[kid]
    return jwt.decode(
        token,
        public_key,
        algorithms=["RS256"],
        audience="talentdesk",
        issuer=settings.PARTNER_JWT_ISSUER,
        options={"require": ["exp", "iat", "sub"]},
    )


@csrf_exempt
@require_POST
def partner_job_order(request):
    auth = request.headers.get("Authorization", "")
    if not auth.startswith("Bearer "):
        return JsonResponse({"detail": "missing bearer token"}, status=401)
    try:
        claims = _partner_claims(auth.removeprefix("Bearer ").strip())
    except (KeyError, jwt.InvalidTokenError):
        return JsonResponse({"detail": "invalid token"}, status=401)

    try:
        payload = json.loads(request.body)
        client = Client.objects.get(slug=claims["sub"], is_active=True)
    except (ValueError, Client.DoesNotExist):
        return JsonResponse({"detail": "unknown client or malformed body"}, status=400)

    job, created = JobOrder.objects.update_or_create(
        client=client,
        external_ref=str(payload.get("id", ""))[:80],
        defaults={
            "title": str(payload.get("title", "Untitled role"))[:160],
            "description": str(payload.get("description", "")),
            "location": str(payload.get("location", ""))[:120],
            "salary_min": payload.get("salary_min") or None,
            "salary_max": payload.get("salary_max") or None,
        },
    )
    return JsonResponse({"id": job.pk, "created": created}, status=201 if created else 200)
