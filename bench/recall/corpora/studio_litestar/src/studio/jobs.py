"""Background jobs, run from `studioctl`, the worker container or the ops endpoint."""

from __future__ import annotations

import csv
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from studio.config.settings import get_settings
from studio.db.models import Client, Gallery
from studio.db.repositories import BookingRepository, StudioRepository
from studio.services.mailer import Mailer

logger = logging.getLogger(__name__)

REMINDER_LEAD_TIME = timedelta(hours=48)

# (table, timestamp column, days to keep)
RETENTION: tuple[tuple[str, str, int], ...] = (
    ("payment_events", "created_at", 400),
    ("contact_messages", "created_at", 730),
)

EXPORT_COLUMNS = ["number", "status", "issued_at", "due_date", "paid_at", "amount", "currency", "client", "email"]

_engine: AsyncEngine | None = None


def engine() -> AsyncEngine:
    global _engine
    if _engine is None:
        db = get_settings().db
        _engine = create_async_engine(db.url, echo=db.echo, pool_pre_ping=True)
    return _engine


@asynccontextmanager
async def session_scope() -> AsyncIterator[AsyncSession]:
    factory = async_sessionmaker(engine(), expire_on_commit=False)
    async with factory() as session:
        try:
            yield session
            await session.commit()
        except Exception:
            await session.rollback()
            raise


# --- reminders -------------------------------------------------------------------------


async def send_reminders(dry_run: bool = False) -> dict[str, Any]:
    """E-mail clients 48 hours before their session."""
    mailer = Mailer()
    sent = failed = 0
    now = datetime.now(tz=UTC)
    async with session_scope() as session:
        bookings = BookingRepository(session=session)
        studios = StudioRepository(session=session)
        for booking in await bookings.upcoming_without_reminder(before=now + REMINDER_LEAD_TIME):
            if booking.starts_at < now:
                continue
            studio = await studios.get(booking.studio_id)
            if dry_run:
                logger.info("would remind booking %s (%s)", booking.id, booking.starts_at.isoformat())
                continue
            try:
                await mailer.send_text_template(
                    to=booking.client.email,
                    subject=f"See you soon – your {booking.session_type} session",
                    template="reminder.txt",
                    context={"booking": booking, "client": booking.client, "studio": studio},
                )
            except Exception:
                failed += 1
                logger.exception("reminder for booking %s failed", booking.id)
                continue
            booking.reminder_sent_at = now
            sent += 1
    return {"sent": sent, "failed": failed}


# --- housekeeping ------------------------------------------------------------------------


async def purge_expired() -> dict[str, Any]:
    """Expire share links, reset codes and invites; trim old rows."""
    now = datetime.now(tz=UTC)
    summary: dict[str, Any] = {}
    async with session_scope() as session:
        result = await session.execute(
            update(Gallery).where(Gallery.share_expires_at < now).values(share_token=None, share_expires_at=None)
        )
        summary["share_links_expired"] = result.rowcount

        result = await session.execute(
            update(Client)
            .where(Client.reset_expires_at < now)
            .values(reset_code=None, reset_expires_at=None, reset_attempts=0)
        )
        summary["reset_codes_cleared"] = result.rowcount

        result = await session.execute(
            update(Client).where(Client.invite_expires_at < now).values(invite_token=None, invite_expires_at=None)
        )
        summary["invites_expired"] = result.rowcount

        for table, column, days in RETENTION:
            cutoff = now - timedelta(days=days)
            result = await session.execute(text(f"DELETE FROM {table} WHERE {column} < :cutoff"), {"cutoff": cutoff})
            summary[f"{table}_deleted"] = result.rowcount

    logger.info("cleanup finished: %s", summary)
    return summary


# --- accountant export -----------------------------------------------------------------


def _export_query(studio_slug: str, status: str | None, since: date | None) -> str:
    sql = (
        "SELECT i.number, i.status, i.issued_at, i.due_date, i.paid_at, "
        "i.amount_cents / 100.0 AS amount, i.currency, c.full_name AS client, c.email "
        "FROM invoices i "
        "JOIN clients c ON c.id = i.client_id "
        "JOIN studios s ON s.id = i.studio_id "
        "WHERE s.slug = '%s'" % studio_slug
    )
    if status:
        sql += " AND i.status = '%s'" % status
    if since:
        sql += " AND i.issued_at >= '%s'" % since.isoformat()
    return sql + " ORDER BY i.issued_at, i.number"


async def export_invoices(studio_slug: str, out: Path, status: str | None = None, since: date | None = None) -> int:
    """Write a CSV of invoices for the accountant."""
    rows = 0
    async with engine().connect() as conn:
        result = await conn.exec_driver_sql(_export_query(studio_slug, status, since))
        with out.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(EXPORT_COLUMNS)
            for row in result:
                writer.writerow(row)
                rows += 1
    logger.info("exported %d invoices to %s", rows, out)
    return rows
