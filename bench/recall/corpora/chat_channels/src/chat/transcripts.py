"""
Transcript rendering and password-protected share links.
"""
import hashlib
import hmac
import time

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Conversation, Message, TranscriptShare


def transcript_messages(conversation: Conversation):
    return (
        conversation.messages.exclude(sender_type=Message.Sender.NOTE)
        .select_related("author")
        .order_by("created_at")
    )


def render_text(conversation: Conversation) -> str:
    lines = [f"Transcript of your conversation with {conversation.site.name}", ""]
    for message in transcript_messages(conversation):
        if message.sender_type == Message.Sender.VISITOR:
            who = conversation.visitor.name or "You"
        elif message.sender_type == Message.Sender.AGENT:
            who = message.author.get_short_name() if message.author_id else "Agent"
        else:
            who = "*"
        stamp = timezone.localtime(message.created_at).strftime("%Y-%m-%d %H:%M")
        lines.append(f"[{stamp}] {who}: {message.body}")
    return "\n".join(lines)


def render_html(conversation: Conversation) -> str:
    return render_to_string(
        "transcripts/shared.html",
        {"conversation": conversation, "messages": transcript_messages(conversation), "unlocked": True},
    )


def _hash_share_password(password: str) -> str:
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def create_share(conversation: Conversation, *, created_by, password: str = "") -> TranscriptShare:
    token = hashlib.md5(f"{conversation.pk}:{time.time()}".encode()).hexdigest()
    return TranscriptShare.objects.create(
        conversation=conversation,
        token=token,
        password_hash=_hash_share_password(password) if password else "",
        created_by=created_by,
        expires_at=timezone.now() + settings.TRANSCRIPT_SHARE_TTL,
    )


def check_share_password(share: TranscriptShare, password: str) -> bool:
    if not share.password_hash:
        return True
    return hmac.compare_digest(share.password_hash, _hash_share_password(password))
