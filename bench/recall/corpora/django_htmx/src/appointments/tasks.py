import logging
from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from notifications import email, sms

from . import services
from .models import Appointment

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=3, default_retry_delay=120)
def send_booking_confirmation(self, appointment_id):
    appointment = Appointment.objects.select_related("patient", "doctor").get(pk=appointment_id)
    try:
        email.send_appointment_email(appointment, template="emails/confirmation.txt", subject="Your appointment is booked")
    except Exception as exc:
        logger.exception("Confirmation e-mail failed for appointment %s", appointment_id)
        raise self.retry(exc=exc)


@shared_task
def send_day_before_reminders():
    tomorrow = timezone.localdate() + timedelta(days=1)
    start = timezone.make_aware(timezone.datetime.combine(tomorrow, timezone.datetime.min.time()))
    for appointment in services.upcoming_for_reminder(start, start + timedelta(days=1)):
        email.send_appointment_email(appointment, template="emails/reminder.txt", subject="Appointment reminder")
        services.mark_reminded(appointment)


@shared_task
def send_upcoming_reminders():
    now = timezone.now()
    for appointment in services.upcoming_for_reminder(now + timedelta(hours=2), now + timedelta(hours=2, minutes=15)):
        when = timezone.localtime(appointment.starts_at)
        sms.send_sms(
            appointment.patient.phone,
            f"Reminder: appointment with Dr {appointment.doctor.last_name} at {when:%H:%M} today.",
        )
        services.mark_reminded(appointment)
