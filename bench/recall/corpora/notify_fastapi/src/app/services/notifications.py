"""Delivery of a single queued notification (email, SMS or webhook fan-out)."""
import logging
from datetime import datetime, timedelta, timezone

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.core.db import SessionLocal
from app.models import DeliveryLog, MessageTemplate, WebhookSubscription
from app.services import email as email_service
from app.services import rendering
from app.services import webhooks as webhook_service

logger = logging.getLogger(__name__)


async def _send_message(session: AsyncSession, log: DeliveryLog) -> None:
    template = await session.get(MessageTemplate, log.template_id) if log.template_id else None
    if template is None:
        raise LookupError(f"template {log.template_id} not found")
    rendered = rendering.render_message(template, log.payload)
    if log.channel == "email":
        await email_service.send_email(
            to=log.recipient or "",
            subject=rendered.subject or settings.PROJECT_NAME,
            html_body=rendered.body,
        )
    elif log.channel == "sms":
        async with httpx.AsyncClient(timeout=10) as http:
            response = await http.post(
                settings.SMS_GATEWAY_URL,
                json={"to": log.recipient, "text": rendered.body},
                headers={"Authorization": f"Bearer {settings.SMS_GATEWAY_TOKEN}"},
            )
            response.raise_for_status()
    else:
        raise ValueError(f"unsupported channel {log.channel!r}")


async def _send_webhooks(session: AsyncSession, log: DeliveryLog) -> None:
    subs = (
        await session.scalars(select(WebhookSubscription).where(WebhookSubscription.client_id == log.client_id))
    ).all()
    event = log.event or "notify.event"
    targets = [s for s in subs if webhook_service.matches(s, event)]
    async with httpx.AsyncClient(timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as http:
        for sub in targets:
            response = await webhook_service.deliver(sub, event, log.payload, client=http)
            log.response_body = response.text[:4000]


async def dispatch(log_id: int) -> tuple[bool, int]:
    """Try to deliver one log entry. Returns ``(delivered, attempts)``."""
    async with SessionLocal() as session:
        log = await session.get(DeliveryLog, log_id)
        if log is None or log.status != "pending":
            return True, 0
        log.attempts += 1
        try:
            if log.channel == "webhook":
                await _send_webhooks(session, log)
            else:
                await _send_message(session, log)
        except Exception as exc:
            log.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if log.attempts >= settings.DELIVERY_MAX_ATTEMPTS:
                log.status = "failed"
            await session.commit()
            logger.info("delivery %s attempt %s failed", log.id, log.attempts)
            return False, log.attempts
        log.status = "sent"
        log.last_error = None
        await session.commit()
        return True, log.attempts


async def schedule_retry(log_id: int, delay_seconds: float) -> None:
    async with SessionLocal() as session:
        log = await session.get(DeliveryLog, log_id)
        if log is not None and log.status == "pending":
            log.next_attempt_at = datetime.now(timezone.utc) + timedelta(seconds=delay_seconds)
            await session.commit()
