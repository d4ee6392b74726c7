"""ARQ worker: reminders, notifications, roster imports, exports and housekeeping.

Run with ``arq shiftboard.worker.WorkerSettings``.
"""
from __future__ import annotations

import csv
import json
import os
import random
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import structlog
from arq import Retry, cron
from arq.connections import RedisSettings
from sqlmodel import select

from .config import get_settings
from .db import session_scope
from .logconfig import configure_logging
from .models import ExportJob, Invite, Organization, Shift, ShiftSignup, User, utcnow
from .repositories import reports
from .repositories import shifts as shifts_repo
from .repositories import users as users_repo
from .services import invites as invite_service
from .services import notifications
from .services import shifts as shift_service
from .templating import localtime

settings = get_settings()
log = structlog.get_logger("shiftboard.worker")

MAX_TRIES = 5


def _retry_delay(attempt: int) -> float:
    # exponential backoff with jitter so a Postmark outage doesn't retry in lockstep
    return min(300.0, 2.0**attempt) + random.uniform(0, 3)


async def startup(ctx: dict[str, Any]) -> None:
    configure_logging(settings.log_level, json=settings.log_json)
    ctx["reports_pool"] = await reports.create_pool(settings.asyncpg_dsn)
    log.info("worker.started")


async def shutdown(ctx: dict[str, Any]) -> None:
    await ctx["reports_pool"].close()


# --- notifications ----------------------------------------------------------


async def send_shift_reminders(ctx: dict[str, Any]) -> int:
    now = utcnow()
    sent = 0
    with session_scope() as db:
        due = shifts_repo.shifts_needing_reminder(db, now, now + timedelta(hours=settings.reminder_lead_hours))
        for shift in due:
            org = db.get(Organization, shift.org_id)
            tz = org.timezone if org else "UTC"
            for signup, volunteer in shifts_repo.signups_for_shift(db, shift.id):
                if signup.status != "confirmed":
                    continue
                html = notifications.render_email(
                    "shift_reminder.html",
                    volunteer=volunteer,
                    shift=shift,
                    starts_at=localtime(shift.starts_at, tz),
                    ends_at=localtime(shift.ends_at, tz, "%H:%M"),
                    org_name=org.name if org else "Shiftboard",
                )
                try:
                    await notifications.send_email(volunteer.email, f"Reminder: {shift.title}", html, tag="reminder")
                    if volunteer.phone:
                        body = notifications.render_sms("shift_reminder", shift=shift, starts_at=localtime(shift.starts_at, tz))
                        await notifications.send_sms(volunteer.phone, body)
                    sent += 1
                except notifications.DeliveryError:
                    log.warning("reminder.delivery_failed", shift_id=shift.id, user_id=volunteer.id)
            shift.reminder_sent_at = now
            db.add(shift)
    log.info("reminders.sent", count=sent)
    return sent


async def notify_shift_cancelled(ctx: dict[str, Any], signup_id: int) -> None:
    with session_scope() as db:
        signup = db.get(ShiftSignup, signup_id)
        if signup is None:
            return
        shift = db.get(Shift, signup.shift_id)
        volunteer = db.get(User, signup.user_id)
        org = db.get(Organization, shift.org_id) if shift else None
        if shift is None or volunteer is None:
            return
        tz = org.timezone if org else "UTC"
        html = notifications.render_email(
            "message.html",
            display_name=volunteer.display_name,
            subject=f"{shift.title} has been cancelled",
            body=f"The shift on {localtime(shift.starts_at, tz)} has been cancelled. Thank you for signing up.",
            org_name=org.name if org else "Shiftboard",
            sender_name=None,
            action_url=None,
        )
        email, phone = volunteer.email, volunteer.phone
        sms = notifications.render_sms("shift_cancelled", shift=shift, starts_at=localtime(shift.starts_at, tz))
    try:
        await notifications.send_email(email, "Shift cancelled", html, tag="cancellation")
        if phone:
            await notifications.send_sms(phone, sms)
    except notifications.DeliveryError as exc:
        raise Retry(defer=_retry_delay(ctx["job_try"])) from exc


async def send_invite_email(ctx: dict[str, Any], invite_id: int) -> None:
    with session_scope() as db:
        invite = db.get(Invite, invite_id)
        if invite is None or invite.accepted_at is not None:
            return
        org = db.get(Organization, invite.org_id)
        inviter = db.get(User, invite.invited_by) if invite.invited_by else None
        html = notifications.render_email(
            "message.html",
            display_name=invite.email.split("@")[0],
            subject=f"Join {org.name if org else 'Shiftboard'}",
            body="You've been invited to sign up for volunteer shifts. The link is valid for 7 days.",
            org_name=org.name if org else "Shiftboard",
            sender_name=inviter.display_name if inviter else None,
            action_url=invite_service.invite_link(invite),
            action_label="Accept invitation",
        )
        to = invite.email
    try:
        await notifications.send_email(to, "You're invited to Shiftboard", html, tag="invite")
    except notifications.DeliveryError as exc:
        if ctx["job_try"] >= MAX_TRIES:
            log.error("invite.delivery_gave_up", invite_id=invite_id)
            return
        raise Retry(defer=_retry_delay(ctx["job_try"])) from exc


async def send_bulk_message(
    ctx: dict[str, Any], org_id: int, user_ids: list[int], subject: str, body: str, sender_id: int
) -> int:
    with session_scope() as db:
        org = db.get(Organization, org_id)
        sender = db.get(User, sender_id)
        recipients = list(db.exec(select(User).where(User.org_id == org_id, User.id.in_(user_ids), User.is_active)))  # type: ignore[union-attr]
        messages = [
            (
                r.email,
                notifications.render_email(
                    "message.html",
                    display_name=r.display_name,
                    subject=subject,
                    body=body,
                    org_name=org.name if org else "Shiftboard",
                    sender_name=sender.display_name if sender else None,
                    action_url=None,
                ),
            )
            for r in recipients
        ]
    delivered = 0
    for email, html in messages:
        try:
            await notifications.send_email(email, subject, html, text=body, tag="bulk")
            delivered += 1
        except notifications.DeliveryError:
            log.warning("bulk_message.delivery_failed", org_id=org_id)
    return delivered


# --- scheduling -------------------------------------------------------------


async def promote_standby(ctx: dict[str, Any], shift_id: int) -> int:
    with session_scope() as db:
        shift = db.get(Shift, shift_id)
        if shift is None or shift.status == "cancelled":
            return 0
        org = db.get(Organization, shift.org_id)
        if org is None or not org.settings.get("standby_auto_fill", True):
            return 0
        standby = [u for s, u in shifts_repo.signups_for_shift(db, shift.id) if s.status == "standby"]
        promoted = shift_service.auto_fill(db, shift, standby)
    return len(promoted)


async def import_roster(ctx: dict[str, Any], org_id: int, path: str, invited_by: int) -> dict[str, int]:
    roster = Path(path)
    with roster.open(newline="", encoding="utf-8-sig") as fh:
        emails = [row.get("email", "") for row in csv.DictReader(fh)]

    with session_scope() as db:
        known = {email.lower() for _id, email in users_repo.find_by_emails(db, emails)}
        new_emails = [e for e in emails if e and e.strip().lower() not in known]
        created, skipped = invite_service.create_invites(db, org_id, new_emails, "volunteer", invited_by)
        invite_ids = [i.id for i in created]

    for invite_id in invite_ids:
        await ctx["redis"].enqueue_job("send_invite_email", invite_id)
    roster.unlink(missing_ok=True)
    summary = {"invited": len(invite_ids), "already_members": len(known), "skipped": len(skipped)}
    log.info("roster.imported", org_id=org_id, **summary)
    return summary


async def apply_calendar_event(ctx: dict[str, Any], event: dict[str, Any]) -> None:
    shift_id = (event.get("metadata") or {}).get("shift_id")
    if not shift_id:
        return
    with session_scope() as db:
        shift = db.get(Shift, int(shift_id))
        if shift is None:
            return
        if event["type"] == "event.deleted" and shift.status != "cancelled":
            log.info("calendar.shift_deleted_upstream", shift_id=shift.id)
            shift.status = "draft"
        db.add(shift)


# --- reports & housekeeping -------------------------------------------------


async def generate_hours_export(ctx: dict[str, Any], org_id: int, start: date, end: date, requested_by: int) -> str:
    # uuid1 keeps export files roughly time-ordered on disk; downloads go through
    # /api/exports/{id}, which checks the caller's organisation.
    job_id = uuid.uuid1().hex
    file_name = f"hours-{org_id}-{job_id}.csv"
    with session_scope() as db:
        db.add(ExportJob(id=job_id, org_id=org_id, requested_by=requested_by, kind="hours"))

    rows = await reports.volunteer_hours(ctx["reports_pool"], org_id, start, end, sort="name", descending=False)
    settings.export_root.mkdir(parents=True, exist_ok=True)
    with (settings.export_root / file_name).open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["volunteer_id", "display_name", "shift_count", "total_hours", "last_shift_at"])
        writer.writeheader()
        writer.writerows(rows)

    with session_scope() as db:
        job = db.get(ExportJob, job_id)
        job.status = "done"
        job.file_name = file_name
        job.finished_at = utcnow()
        db.add(job)
    return job_id


async def purge_stale_signups(ctx: dict[str, Any], org_id: int) -> int:
    """Delete cancelled sign-ups older than the organisation's retention period."""
    pool = ctx["reports_pool"]
    async with pool.acquire() as conn:
        org = await conn.fetchrow("SELECT id, settings FROM organization WHERE id = $1", org_id)
        if org is None:
            return 0
        org_settings = json.loads(org["settings"] or "{}")
        retention = org_settings.get("signup_retention_days", settings.signup_retention_days)
        query = (
            "DELETE FROM shift_signup WHERE status = 'cancelled' "
            "AND shift_id IN (SELECT id FROM shift WHERE org_id = $1) "
            f"AND updated_at < now() - interval '{retention} days'"
        )
        result = await conn.execute(query, org_id)
    deleted = int(result.split()[-1])
    log.info("signups.purged", org_id=org_id, deleted=deleted)
    return deleted


async def purge_all_orgs(ctx: dict[str, Any]) -> None:
    with session_scope() as db:
        org_ids = list(db.exec(select(Organization.id)))
    for org_id in org_ids:
        await ctx["redis"].enqueue_job("purge_stale_signups", org_id, _job_id=f"purge:{org_id}:{date.today()}")


class WorkerSettings:
    functions = [
        notify_shift_cancelled,
        send_invite_email,
        send_bulk_message,
        promote_standby,
        import_roster,
        apply_calendar_event,
        generate_hours_export,
        purge_stale_signups,
    ]
    cron_jobs = [
        cron(send_shift_reminders, minute={0, 30}),
        cron(purge_all_orgs, hour={3}, minute={15}),
    ]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = RedisSettings(
        host=os.getenv("REDIS_HOST", "localhost"),
        port=int(os.getenv("REDIS_PORT", "6379")),
        password=os.getenv("REDIS_PASSWORD", "q9TzR4w8Lm2vXc"),
    )
    max_jobs = 20
    job_timeout = 300
    max_tries = MAX_TRIES
