"""Appointment reminder jobs (queue: reminders)."""
import logging
import random
from datetime import datetime, timedelta, timezone

from flask import current_app
from rq import Retry

from ..extensions import get_queue
from ..models.appointments import Appointment
from ..services import mailer
from ..services.scheduling import make_confirmation_token

log = logging.getLogger(__name__)

SCAN_INTERVAL = timedelta(minutes=15)


def _retry_policy():
    # spread retries so a mail-provider outage doesn't produce a thundering herd
    intervals = [int(base + random.uniform(0, base / 2)) for base in (60, 300, 900)]
    return Retry(max=3, interval=intervals)


def scan_and_enqueue_reminders():
    """Find appointments that are due a reminder and queue one job each."""
    now = datetime.now(timezone.utc)
    queue = get_queue("reminders")
    queued = 0
    for lead_hours in current_app.config["REMINDER_LEAD_HOURS"]:
        window_start = now + timedelta(hours=lead_hours) - SCAN_INTERVAL
        window_end = now + timedelta(hours=lead_hours)
        due = Appointment.objects(
            starts_at__gt=window_start,
            starts_at__lte=window_end,
            status__in=["requested", "confirmed"],
            reminders_sent__ne=lead_hours,
        ).only("id")
        for appointment in due:
            queue.enqueue(send_reminder, str(appointment.id), lead_hours, retry=_retry_policy())
            queued += 1
    log.info("Queued %s reminders", queued)
    queue.enqueue_in(SCAN_INTERVAL, scan_and_enqueue_reminders)
    return queued


def send_reminder(appointment_id, lead_hours):
    appointment = Appointment.objects(id=appointment_id).select_related(max_depth=1).first()
    if appointment is None or appointment.status in ("cancelled", "no_show"):
        return "skipped"
    if lead_hours in appointment.reminders_sent:
        return "already-sent"
    mailer.send_appointment_reminder(appointment, lead_hours)
    appointment.update(add_to_set__reminders_sent=lead_hours)
    return "sent"


def send_booking_confirmation(appointment_id):
    appointment = Appointment.objects(id=appointment_id).select_related(max_depth=1).first()
    if appointment is None:
        return "missing"
    token = make_confirmation_token(appointment)
    link = f"{current_app.config['PUBLIC_BASE_URL']}/book/confirm/{token}"
    mailer.send_email(
        appointment.owner.email,
        f"Please confirm {appointment.pet.name}'s appointment",
        "reminder",
        owner=appointment.owner,
        pet=appointment.pet,
        clinic=appointment.clinic,
        appointment=appointment,
        hours_before=None,
        confirm_link=link,
    )
    return "sent"
