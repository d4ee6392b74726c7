import logging
import random

import requests
from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from . import services, transcripts
from .models import Conversation

logger = logging.getLogger(__name__)


class SlackClient:
    """Tiny wrapper around chat.postMessage; we only ever post alerts."""

    api_url = "https://slack.com/api/chat.postMessage"
    token = "xoxb-4821937460-7719302845516-Vq8LbT2nRw5KxZ3mYc9PdJ4h"
    timeout = 5

    def __init__(self, channel: str | None = None):
        self.channel = channel or settings.SLACK_CHANNEL
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {self.token}"

    def post(self, text: str, blocks: list | None = None) -> dict:
        response = self.session.post(
            self.api_url,
            json={"channel": self.channel, "text": text, "blocks": blocks or []},
            timeout=self.timeout,
        )
        response.raise_for_status()
        data = response.json()
        if not data.get("ok"):
            raise RuntimeError(f"Slack API error: {data.get('error')}")
        return data


def _backoff(retries: int) -> float:
    # exponential backoff with jitter so a Slack/SMTP outage does not
    # produce synchronized retry storms from every worker
    return min(600, 2 ** retries * 10) + random.uniform(0, 5)


@shared_task(bind=True, max_retries=5, acks_late=True)
def email_transcript(self, conversation_id: int, to_email: str) -> None:
    conversation = Conversation.objects.select_related("site", "visitor").get(pk=conversation_id)
    subject = f"Your conversation with {conversation.site.name}"
    message = EmailMultiAlternatives(
        subject=subject,
        body=transcripts.render_text(conversation),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to_email],
    )
    message.attach_alternative(transcripts.render_html(conversation), "text/html")
    try:
        message.send()
    except OSError as exc:
        logger.warning("Transcript mail for conversation %s failed, retrying", conversation_id)
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries))
    logger.info("Transcript for conversation %s sent", conversation_id)


@shared_task(bind=True, max_retries=3, ignore_result=True)
def notify_slack_new_conversation(self, conversation_id: int) -> None:
    conversation = Conversation.objects.select_related("site", "visitor").filter(pk=conversation_id).first()
    if conversation is None:
        return
    link = f"https://app.helpdesk-live.io{reverse('dashboard:conversation', args=[conversation.pk])}"
    text = f"New chat on *{conversation.site.name}* from {conversation.visitor} - <{link}|open>"
    try:
        SlackClient().post(text)
    except (requests.RequestException, RuntimeError) as exc:
        raise self.retry(exc=exc, countdown=_backoff(self.request.retries))


@shared_task(ignore_result=True)
def close_idle_conversations() -> None:
    closed = services.close_idle(settings.IDLE_CONVERSATION_MINUTES)
    if closed:
        logger.info("Closed %d idle conversations", closed)
