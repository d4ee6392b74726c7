from datetime import datetime, timezone
from typing import Any

from app.core.logging import get_logger
from app.db import SessionLocal
from app.models import User
from app.services import email, users
from app.worker.digest import build_digest, render_digest

logger = get_logger("worker")


async def send_user_digest(ctx: dict[str, Any], user_id: int) -> str:
    async with SessionLocal() as session:
        user = await session.get(User, user_id)
        if user is None or not user.digest_enabled or user.email_bouncing:
            return "skipped"
        digest = await build_digest(session, user)
    if digest.is_empty:
        return "empty"
    subject, text, html = render_digest(digest)
    try:
        await email.send_digest(user.email, subject, text, html)
    except Exception:
        logger.exception("digest delivery failed for user_id=%s", user_id)
        raise
    return "sent"


async def queue_daily_digests(ctx: dict[str, Any]) -> int:
    redis = ctx["redis"]
    async with SessionLocal() as session:
        recipients = await users.digest_recipients(session)
    day = datetime.now(timezone.utc).strftime("%Y%m%d")
    for user in recipients:
        # job id makes the enqueue idempotent if the cron fires twice
        await redis.enqueue_job("send_user_digest", user.id, _job_id=f"digest:{day}:{user.id}")
    logger.info("queued %d digests", len(recipients))
    return len(recipients)


async def purge_expired_tokens(ctx: dict[str, Any]) -> int:
    from sqlalchemy import delete

    from app.models import PasswordReset, RevokedToken

    now = datetime.now(timezone.utc)
    async with SessionLocal() as session:
        r1 = await session.execute(delete(RevokedToken).where(RevokedToken.expires_at < now))
        r2 = await session.execute(delete(PasswordReset).where(PasswordReset.expires_at < now))
        await session.commit()
    removed = (r1.rowcount or 0) + (r2.rowcount or 0)
    logger.info("purged %d expired rows", removed)
    return removed
