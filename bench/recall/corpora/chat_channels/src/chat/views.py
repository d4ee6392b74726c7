"""
Views used by the embeddable widget (served inside an iframe on customer
sites) and the public transcript share page.
"""
import json
import logging
from pathlib import Path

import jwt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.decorators import ratelimit

from accounts.tokens import issue_visitor_token

from . import services, transcripts
from .middleware import VISITOR_COOKIE, decode_ws_token
from .models import Attachment, Conversation, Site, TranscriptShare
from .tasks import email_transcript as email_transcript_task

logger = logging.getLogger(__name__)

VISITOR_COOKIE_MAX_AGE = 60 * 60 * 24 * 30


def _json_body(request) -> dict:
    try:
        data = json.loads(request.body or b"{}")
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def _current_conversation(request, public_id) -> Conversation:
    raw = request.COOKIES.get(VISITOR_COOKIE) or request.headers.get("X-Visitor-Token", "")
    if not raw:
        raise Http404
    try:
        claims = decode_ws_token(raw)
    except jwt.InvalidTokenError:
        raise Http404
    if claims.get("conv") != str(public_id):
        raise Http404
    visitor_id = claims["sub"].split(":", 1)[1]
    return get_object_or_404(Conversation.objects.select_related("site"), public_id=public_id, visitor_id=visitor_id)


@xframe_options_exempt
@require_GET
def widget_frame(request, site_key):
    site = get_object_or_404(Site, site_key=site_key)
    config = {
        "siteKey": site.site_key,
        "greeting": site.greeting,
        "accentColor": site.accent_color,
        "wsPath": "/ws/chat/",
    }
    return render(request, "widget/embed.html", {"site": site, "widget_config": config})


@require_POST
def start_session(request, site_key):
    site = get_object_or_404(Site, site_key=site_key)
    data = _json_body(request)

    email = (data.get("email") or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            return JsonResponse({"error": "invalid_email"}, status=400)

    visitor, conversation = services.start_conversation(
        site,
        name=(data.get("name") or "").strip(),
        email=email,
        page_url=data.get("page_url") or "",
        page_title=data.get("page_title") or "",
        user_agent=request.headers.get("User-Agent", ""),
    )
    token = issue_visitor_token(visitor, conversation)

    response = JsonResponse({"conversation": str(conversation.public_id), "token": token}, status=201)
    response.set_cookie(VISITOR_COOKIE, token, max_age=VISITOR_COOKIE_MAX_AGE)
    return response


@require_POST
def upload_attachment(request, public_id):
    conversation = _current_conversation(request, public_id)
    upload = request.FILES.get("file")
    if upload is None:
        return HttpResponseBadRequest("No file")

    extension = Path(upload.name).suffix.lower()
    if extension not in settings.ATTACHMENT_ALLOWED_EXTENSIONS:
        allowed = ", ".join(sorted(settings.ATTACHMENT_ALLOWED_EXTENSIONS))
        error = f'<p class="hd-error"><strong>{upload.name}</strong> cannot be attached. Allowed types: {allowed}</p>'
        return HttpResponse(error, status=400)
    if upload.size > settings.ATTACHMENT_MAX_BYTES:
        return JsonResponse({"error": "file_too_large"}, status=400)

    try:
        attachment = Attachment.objects.create(
            conversation=conversation,
            file=upload,
            original_name=Path(upload.name).name[:255],
            content_type=upload.content_type or "application/octet-stream",
            size=upload.size,
        )
    except OSError:
        logger.exception("Storing attachment for conversation %s failed", conversation.pk)
        return JsonResponse({"error": "Upload failed, please try again."}, status=500)

    message = services.post_visitor_message(conversation, f"[attachment] {attachment.original_name}")
    Attachment.objects.filter(pk=attachment.pk).update(message=message)
    return JsonResponse({"id": attachment.pk, "name": attachment.original_name}, status=201)


@require_POST
def email_transcript(request, public_id):
    conversation = _current_conversation(request, public_id)
    data = _json_body(request)
    to_email = (data.get("email") or conversation.visitor.email or "").strip()
    try:
        validate_email(to_email)
    except ValidationError:
        return JsonResponse({"error": "invalid_email"}, status=400)

    email_transcript_task.delay(conversation.pk, to_email)
    return JsonResponse({"queued": True}, status=202)


@ratelimit(key="ip", rate="10/m", method="POST", block=True)
def shared_transcript(request, token):
    share = get_object_or_404(TranscriptShare.objects.select_related("conversation__site"), token=token)
    if share.is_expired:
        raise Http404

    unlocked = not share.password_hash
    error = None
    if request.method == "POST":
        if transcripts.check_share_password(share, request.POST.get("password", "")):
            unlocked = True
        else:
            error = "That password is not correct."

    context = {"share": share, "conversation": share.conversation, "unlocked": unlocked, "error": error}
    if unlocked:
        TranscriptShare.objects.filter(pk=share.pk).update(view_count=F("view_count") + 1)
        context["messages"] = transcripts.transcript_messages(share.conversation)
    return render(request, "transcripts/shared.html", context)
