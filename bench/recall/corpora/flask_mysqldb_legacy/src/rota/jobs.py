"""Background jobs run by APScheduler inside the web process."""
import atexit
import logging
from datetime import datetime, timedelta

from flask import current_app

from . import db
from .repositories import shifts as shift_repo
from .repositories import users as user_repo
from .services import sms

log = logging.getLogger(__name__)

# table -> timestamp column used for retention
RETENTION_TABLES = {
    "audit_log": "created_at",
    "sms_log": "created_at",
    "remember_tokens": "expires_at",
    "clock_events": "at",
}


def send_shift_reminders():
    lead = timedelta(hours=current_app.config.get("SHIFT_REMINDER_HOURS", 18))
    window_start = datetime.utcnow() + lead
    window_end = window_start + timedelta(minutes=15)
    sent = 0
    for shift in shift_repo.starting_between(window_start, window_end):
        user = user_repo.get_by_id(shift["user_id"])
        if not user or not user.get("phone"):
            continue
        body = sms.render("reminder.txt", shift=shift, name=user["full_name"].split()[0])
        if sms.send_sms(user["phone"], body):
            db.execute("INSERT INTO sms_log (user_id, kind, created_at) VALUES (%s, 'reminder', NOW())",
                       (user["id"],))
            sent += 1
    log.info("shift reminders sent: %d", sent)


def purge_old_rows():
    cutoff = datetime.utcnow() - timedelta(days=current_app.config["AUDIT_RETENTION_DAYS"])
    for table, column in RETENTION_TABLES.items():
        removed = db.execute(f"DELETE FROM {table} WHERE {column} < %s", (cutoff,))
        log.info("retention: removed %s rows from %s", removed, table)


def register_jobs(app, scheduler):
    def with_context(fn):
        def run():
            with app.app_context():
                fn()

        run.__name__ = fn.__name__
        return run

    scheduler.add_job(with_context(send_shift_reminders), "cron", minute="*/15",
                      id="shift-reminders", replace_existing=True)
    scheduler.add_job(with_context(purge_old_rows), "cron", hour=3, minute=10,
                      id="nightly-cleanup", replace_existing=True)
    if not scheduler.running:
        scheduler.start()
        atexit.register(lambda: scheduler.shutdown(wait=False))
