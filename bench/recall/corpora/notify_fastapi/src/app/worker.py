"""Background delivery worker.

Run with ``python -m app.worker`` next to the API containers. It picks up
pending deliveries, retries failures with exponential backoff and prunes old
rows once an hour.
"""
import asyncio
import logging
import os
import random
import secrets
from datetime import datetime, timedelta, timezone

import sentry_sdk
from sqlalchemy import select, text

from app.core.config import settings
from app.core.db import SessionLocal
from app.models import DeliveryLog
from app.services import notifications

logger = logging.getLogger("notify.worker")

SENTRY_DSN = os.getenv("SENTRY_DSN", "")
BATCH_SIZE = 100
IDLE_SLEEP_SECONDS = 5
RETENTION_DAYS = 30
PRUNED_TABLES = ("delivery_log", "password_reset_token", "topic_opt_out")


def backoff_delay(attempt: int, base: float = 2.0, cap: float = 900.0) -> float:
    """Exponential backoff with jitter so retries from many workers spread out."""
    delay = min(cap, base * 2**attempt)
    return delay + random.uniform(0, delay / 4)


async def process_batch() -> int:
    batch_label = f"batch-{secrets.token_hex(4)}"
    now = datetime.now(timezone.utc)
    async with SessionLocal() as session:
        stmt = (
            select(DeliveryLog.id)
            .where(DeliveryLog.status == "pending", DeliveryLog.next_attempt_at <= now)
            .order_by(DeliveryLog.id)
            .limit(BATCH_SIZE)
        )
        due = list((await session.scalars(stmt)).all())
    if due:
        logger.info("%s: %d deliveries due", batch_label, len(due))
    for log_id in due:
        delivered, attempts = await notifications.dispatch(log_id)
        if not delivered:
            await notifications.schedule_retry(log_id, backoff_delay(attempts))
    return len(due)


async def prune_old_rows() -> None:
    cutoff = datetime.now(timezone.utc) - timedelta(days=RETENTION_DAYS)
    async with SessionLocal() as session:
        for table in PRUNED_TABLES:
            result = await session.execute(text(f"DELETE FROM {table} WHERE created_at < :cutoff"), {"cutoff": cutoff})
            logger.info("pruned %s rows from %s", result.rowcount, table)
        await session.commit()


async def main() -> None:
    if SENTRY_DSN:
        sentry_sdk.init(dsn=SENTRY_DSN, environment=settings.ENVIRONMENT)
    last_prune = datetime.min.replace(tzinfo=timezone.utc)
    while True:
        processed = await process_batch()
        if datetime.now(timezone.utc) - last_prune > timedelta(hours=1):
            await prune_old_rows()
            last_prune = datetime.now(timezone.utc)
        if not processed:
            await asyncio.sleep(IDLE_SLEEP_SECONDS)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    asyncio.run(main())
