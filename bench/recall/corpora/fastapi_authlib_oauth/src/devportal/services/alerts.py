"""Usage alert webhooks: POST a signed JSON body when an org passes its daily threshold."""

import hashlib
import hmac
import json
import time
import uuid
from datetime import date

import httpx
import structlog
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from devportal.models import AlertHook
from devportal.repositories import usage as usage_repo

log = structlog.get_logger(__name__)

SIGNATURE_HEADER = "X-Portal-Signature"


def new_signing_secret() -> str:
    return f"whsec_{uuid.uuid1().hex}"


def sign_payload(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


async def hooks_for(session: AsyncSession, org_id: int) -> list[AlertHook]:
    return list((await session.scalars(select(AlertHook).where(AlertHook.org_id == org_id))).all())


async def create_hook(session: AsyncSession, org_id: int, url: str, threshold: int) -> AlertHook:
    if not url.startswith("https://"):
        raise ValueError("Alert URLs must use https.")
    if threshold < 1:
        raise ValueError("The threshold must be a positive number of requests.")
    hook = AlertHook(org_id=org_id, url=url, daily_threshold=threshold, signing_secret=new_signing_secret())
    session.add(hook)
    await session.commit()
    return hook


async def fire_due_alerts(session: AsyncSession) -> int:
    today = date.today()
    stmt = select(AlertHook).where(or_(AlertHook.last_fired_on.is_(None), AlertHook.last_fired_on < today))
    hooks = (await session.scalars(stmt)).all()
    fired = 0
    async with httpx.AsyncClient(timeout=10.0, follow_redirects=False) as client:
        for hook in hooks:
            count = await usage_repo.requests_today(session, hook.org_id)
            if count < hook.daily_threshold:
                continue
            body = json.dumps(
                {"type": "usage.threshold_exceeded", "org_id": hook.org_id, "requests_today": count,
                 "threshold": hook.daily_threshold, "date": today.isoformat()}
            ).encode()
            timestamp = int(time.time())
            headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign_payload(hook.signing_secret, timestamp, body)}
            try:
                response = await client.post(hook.url, content=body, headers=headers)
                response.raise_for_status()
            except httpx.HTTPError as exc:
                log.warning("alert.delivery_failed", hook_id=hook.id, error=str(exc))
                continue
            hook.last_fired_on = today
            fired += 1
    await session.commit()
    return fired
