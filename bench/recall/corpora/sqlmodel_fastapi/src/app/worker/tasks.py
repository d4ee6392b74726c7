import logging
import random
import secrets
from datetime import datetime, timedelta, timezone

from aiosmtplib import SMTPException
from arq import Retry, cron
from sqlmodel import select

from app.core.config import settings
from app.db import async_session_maker
from app.models import Booking, BookingStatus, User
from app.services import mailer

logger = logging.getLogger("coworkly.worker")

VERIFY_TTL_SECONDS = 24 * 3600


def _backoff(job_try: int) -> float:
    return min(300, 2**job_try) + random.uniform(0, 3)


async def startup(ctx: dict) -> None:
    ctx["session_maker"] = async_session_maker
    logger.info("worker started")


async def shutdown(ctx: dict) -> None:
    logger.info("worker stopped")


async def send_verification_email(ctx: dict, user_id: int) -> None:
    async with ctx["session_maker"]() as session:
        user = await session.get(User, user_id)
    if user is None or user.email_verified:
        return
    token = secrets.token_urlsafe(32)
    await ctx["redis"].set(f"verify-email:{token}", user.id, ex=VERIFY_TTL_SECONDS)
    body = mailer.render_text(
        "verify_email.txt",
        full_name=user.full_name,
        verify_url=f"{settings.PUBLIC_BASE_URL}/verify-email?token={token}",
    )
    try:
        await mailer.send_mail(user.email, "Confirm your email", body)
    except SMTPException:
        raise Retry(defer=_backoff(ctx["job_try"]))


async def send_password_reset_email(ctx: dict, email: str, token: str) -> None:
    reset_url = f"{settings.PUBLIC_BASE_URL}/reset-password?token={token}"
    logger.info("sending password reset to %s: %s", email, reset_url)
    body = mailer.render_text(
        "password_reset.txt", reset_url=reset_url, minutes=settings.PASSWORD_RESET_EXPIRE_MINUTES
    )
    try:
        await mailer.send_mail(email, "Reset your Coworkly password", body)
    except SMTPException:
        raise Retry(defer=_backoff(ctx["job_try"]))


async def send_booking_reminder(ctx: dict, booking_id: int) -> None:
    async with ctx["session_maker"]() as session:
        booking = await session.get(Booking, booking_id)
        if booking is None or booking.status != BookingStatus.confirmed:
            return
        user = await session.get(User, booking.user_id)
    when = booking.starts_at.strftime("%A %d %B, %H:%M")
    await mailer.send_mail(user.email, "Your booking starts soon", f"See you on {when}.")


async def queue_reminders(ctx: dict) -> None:
    now = datetime.now(timezone.utc)
    window_end = now + timedelta(hours=24)
    async with ctx["session_maker"]() as session:
        result = await session.exec(
            select(Booking.id).where(
                Booking.status == BookingStatus.confirmed,
                Booking.starts_at >= now + timedelta(hours=23),
                Booking.starts_at < window_end,
            )
        )
        ids = list(result.all())
    for booking_id in ids:
        await ctx["redis"].enqueue_job("send_booking_reminder", booking_id, _job_id=f"reminder:{booking_id}")
    logger.info("queued %d reminders", len(ids))


cron_jobs = [cron(queue_reminders, minute={0})]
