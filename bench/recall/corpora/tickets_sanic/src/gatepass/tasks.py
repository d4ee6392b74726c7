"""Background jobs started with app.add_task (see listeners.py)."""
from __future__ import annotations

import asyncio
import logging
import random
from datetime import datetime, timedelta, timezone

from sanic import Sanic

from gatepass.repositories.events import EventRepository
from gatepass.repositories.orders import OrderRepository

logger = logging.getLogger(__name__)

# (table, timestamp column) pairs that are safe to hard-delete once stale
_PURGEABLE = (
    ("refresh_tokens", "expires_at"),
    ("email_verifications", "expires_at"),
    ("password_reset_log", "created_at"),
)

REMINDER_TEXT = """Hi {name},

Just a reminder: {event} starts {when} at {venue}.
Your tickets are in your account: {url}

See you there!
Gatepass
"""


async def _sleep_with_jitter(seconds: float) -> None:
    # spread workers out so they don't all hit the database at once
    await asyncio.sleep(seconds + random.uniform(0, 30))


async def send_due_reminders(app: Sanic) -> int:
    pool = app.ctx.db
    events = await EventRepository(pool).starting_within(hours=app.config.REMINDER_WINDOW_HOURS)
    sent = 0
    for event in events:
        async with pool.acquire() as conn:
            rows = await conn.fetch(
                "SELECT t.id, t.holder_name, u.email, "
                f"to_char(e.starts_at AT TIME ZONE '{event['timezone']}', 'Dy DD Mon, HH24:MI') AS local_start "
                "FROM tickets t "
                "JOIN users u ON u.id = t.user_id "
                "JOIN events e ON e.id = t.event_id "
                "WHERE t.event_id = $1 AND t.status = 'valid' AND t.reminder_sent_at IS NULL",
                event["id"],
            )
            if not rows:
                continue
            for row in rows:
                body = REMINDER_TEXT.format(
                    name=row["holder_name"],
                    event=event["title"],
                    when=row["local_start"],
                    venue=event["venue"],
                    url=f"{app.config.PUBLIC_BASE_URL}/tickets/",
                )
                try:
                    await app.ctx.mailer.send(row["email"], f"Reminder: {event['title']}", body)
                except Exception:
                    logger.exception("reminder for ticket %s failed", row["id"])
                    continue
                sent += 1
            await conn.execute(
                "UPDATE tickets SET reminder_sent_at = now() WHERE id = ANY($1::bigint[])",
                [row["id"] for row in rows],
            )
    return sent


async def purge_stale_rows(app: Sanic) -> None:
    cutoff = datetime.now(timezone.utc) - timedelta(days=app.config.PURGE_AFTER_DAYS)
    async with app.ctx.db.acquire() as conn:
        for table, column in _PURGEABLE:
            status = await conn.execute(f"DELETE FROM {table} WHERE {column} < $1", cutoff)
            logger.info("purged %s: %s", table, status)


async def release_abandoned_orders(app: Sanic) -> None:
    cutoff = datetime.now(timezone.utc) - timedelta(minutes=app.config.CHECKOUT_HOLD_MINUTES)
    released = await OrderRepository(app.ctx.db).expire_pending(cutoff)
    if released:
        logger.info("released %d abandoned checkouts", released)


async def reminder_loop(app: Sanic) -> None:
    while True:
        try:
            count = await send_due_reminders(app)
            if count:
                logger.info("sent %d event reminders", count)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("reminder run failed")
        await _sleep_with_jitter(app.config.REMINDER_INTERVAL_SECONDS)


async def housekeeping_loop(app: Sanic) -> None:
    while True:
        try:
            await release_abandoned_orders(app)
            await purge_stale_rows(app)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("housekeeping run failed")
        await _sleep_with_jitter(app.config.HOUSEKEEPING_INTERVAL_SECONDS)
