"""Celery worker and beat schedule: ``celery -A app.jobs worker -B``."""
from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import redis
from celery import Celery
from celery.schedules import crontab
from sqlalchemy import select, text

from app import legacy_payroll
from app.config import settings
from app.database import session_scope
from app.models import Employee, LeaveBalance, LeaveRequest, LeaveStatus, LeaveType

logger = logging.getLogger("app.jobs")

celery_app = Celery("acme_hr", broker=settings.redis_url, backend=settings.redis_url)

celery_app.conf.update(
    task_serializer="json",
    accept_content=["json"],
    result_serializer="json",
    timezone="Europe/London",
    enable_utc=True,
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    task_time_limit=30 * 60,
)

celery_app.conf.beat_schedule = {
    "accrue-monthly-leave": {
        "task": "app.jobs.accrue_monthly_leave",
        "schedule": crontab(minute=0, hour=2, day_of_month=1),
    },
    "push-absences-to-payroll": {
        "task": "app.jobs.push_absences_to_payroll",
        "schedule": crontab(minute=30, hour=1),
    },
    "sync-payslip-history": {
        "task": "app.jobs.sync_payslip_history",
        "schedule": crontab(minute=0, hour=3, day_of_week="sun"),
    },
    "purge-expired-credentials": {
        "task": "app.jobs.purge_expired_credentials",
        "schedule": crontab(minute=15, hour="*/6"),
    },
}

# Tables holding short-lived credentials, each with an ``expires_at`` column.
EXPIRING_TABLES = ("refresh_tokens", "password_reset_codes", "invitations")


@celery_app.task
def accrue_monthly_leave() -> int:
    """Credit 1/12 of the annual allowance to every active employee's annual balance."""
    year = date.today().year
    updated = 0
    with session_scope() as db:
        employees = db.scalars(select(Employee).where(Employee.is_active.is_(True))).all()
        for employee in employees:
            balance = db.scalar(
                select(LeaveBalance).where(
                    LeaveBalance.employee_id == employee.id,
                    LeaveBalance.year == year,
                    LeaveBalance.leave_type == LeaveType.ANNUAL,
                )
            )
            if balance is None:
                balance = LeaveBalance(employee_id=employee.id, year=year, leave_type=LeaveType.ANNUAL, entitled=0, taken=0)
                db.add(balance)
            monthly = (Decimal(str(employee.annual_allowance_days)) / 12).quantize(Decimal("0.1"))
            balance.entitled = Decimal(str(balance.entitled or 0)) + monthly
            updated += 1
    logger.info("accrued leave for %d employees", updated)
    return updated


@celery_app.task(autoretry_for=(legacy_payroll.LegacyPayrollError,), retry_backoff=True, max_retries=5)
def push_absences_to_payroll(days_back: int = 2) -> int:
    since = datetime.now(timezone.utc) - timedelta(days=days_back)
    with session_scope() as db:
        leaves = db.scalars(
            select(LeaveRequest).where(LeaveRequest.status == LeaveStatus.APPROVED, LeaveRequest.decided_at >= since)
        ).all()
        rows = [
            {
                "leave_ref": f"HR-{leave.id}",
                "employee_no": leave.employee.employee_no,
                "leave_type": leave.leave_type.value,
                "start_date": leave.start_date,
                "end_date": leave.end_date,
                "days": leave.days,
            }
            for leave in leaves
        ]
    return legacy_payroll.push_absences(rows)


@celery_app.task
def sync_payslip_history() -> int:
    """Warm the payslip cache used by the mobile app's "My pay" screen."""
    since = date.today().replace(day=1) - timedelta(days=365)
    synced = 0
    with session_scope() as db:
        numbers = db.scalars(select(Employee.employee_no).where(Employee.is_active.is_(True))).all()
    for employee_no in numbers:
        try:
            history = legacy_payroll.fetch_payslip_history(employee_no, since)
        except legacy_payroll.LegacyPayrollError:
            logger.warning("payroll database unavailable, stopping after %d employees", synced)
            break
        _cache_payslips(employee_no, history)
        synced += 1
    return synced


def _cache_payslips(employee_no: str, history: list[dict]) -> None:
    client = redis.Redis.from_url(settings.redis_url)
    client.setex(f"payslips:{employee_no}", timedelta(days=8), json.dumps(history, default=str))


@celery_app.task
def purge_expired_credentials() -> dict[str, int]:
    now = datetime.now(timezone.utc)
    purged: dict[str, int] = {}
    with session_scope() as db:
        for table in EXPIRING_TABLES:
            result = db.execute(text(f"DELETE FROM {table} WHERE expires_at < :cutoff"), {"cutoff": now - timedelta(days=1)})
            purged[table] = result.rowcount
    logger.info("purged expired credentials: %s", purged)
    return purged
