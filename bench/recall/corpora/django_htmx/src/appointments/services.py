import logging

from django.db import transaction
from django.utils import timezone

from .models import Appointment, ClinicalNote
from .repositories import AppointmentRepository

logger = logging.getLogger(__name__)

repository = AppointmentRepository()


def waiting_room_queue(order="starts_at"):
    return repository.waiting_room(order)


def schedule_for(doctor, day, sort):
    return repository.day_schedule(doctor.pk, day, sort)


@transaction.atomic
def cancel_appointment(appointment, by_user=None):
    if not appointment.is_cancellable:
        return False
    appointment.status = Appointment.Status.CANCELLED
    appointment.save(update_fields=["status", "updated_at"])
    logger.info("Appointment %s cancelled by %s", appointment.pk, getattr(by_user, "pk", "patient"))
    return True


def check_in(appointment):
    appointment.status = Appointment.Status.CHECKED_IN
    appointment.save(update_fields=["status", "updated_at"])
    return appointment


def add_intake_note(appointment, text):
    return ClinicalNote.objects.create(appointment=appointment, source=ClinicalNote.Source.PATIENT, body=text)


def upcoming_for_reminder(window_start, window_end):
    return (
        Appointment.objects.filter(
            status=Appointment.Status.BOOKED,
            starts_at__gte=window_start,
            starts_at__lt=window_end,
            reminder_sent_at__isnull=True,
        )
        .select_related("patient", "doctor")
        .order_by("starts_at")
    )


def mark_reminded(appointment):
    appointment.reminder_sent_at = timezone.now()
    appointment.save(update_fields=["reminder_sent_at"])
