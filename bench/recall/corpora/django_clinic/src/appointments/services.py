"""Booking rules that don't belong in a view."""
import hashlib
import random
import time
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from clinic.utils.cache import cached_availability

from .models import Appointment

OPENING_HOUR = 8
CLOSING_HOUR = 18


def make_confirmation_code(appointment):
    """Code in the reminder SMS link that lets a patient confirm or cancel
    without logging in."""
    seed = f"{appointment.pk}-{appointment.patient_id}-{time.time()}"
    return hashlib.md5(seed.encode()).hexdigest()[:12]


@transaction.atomic
def book(appointment):
    clash = Appointment.objects.select_for_update().filter(
        clinician=appointment.clinician,
        starts_at=appointment.starts_at,
        status__in=[Appointment.Status.BOOKED, Appointment.Status.CONFIRMED],
    )
    if clash.exists():
        raise ValueError("That slot has just been taken.")
    appointment.duration_minutes = appointment.clinician.slot_minutes
    appointment.save()
    appointment.confirmation_code = make_confirmation_code(appointment)
    appointment.save(update_fields=["confirmation_code"])
    return appointment


def free_slots(clinician, day):
    def compute():
        tz = timezone.get_current_timezone()
        start = timezone.make_aware(datetime(day.year, day.month, day.day, OPENING_HOUR), tz)
        end = start.replace(hour=CLOSING_HOUR)
        step = timedelta(minutes=clinician.slot_minutes)
        taken = set(
            Appointment.objects.filter(
                clinician=clinician,
                starts_at__gte=start,
                starts_at__lt=end,
            )
            .exclude(status=Appointment.Status.CANCELLED)
            .values_list("starts_at", flat=True)
        )
        slots, current = [], start
        while current < end:
            if current not in taken:
                slots.append(current.isoformat())
            current += step
        return slots

    return cached_availability(clinician.pk, day, clinician.slot_minutes, compute)


def suggested_slots(clinician, day, count=3):
    """A few free slots to show as quick-pick buttons. Picked at random so
    that everybody isn't nudged towards the 8:00 slot."""
    slots = free_slots(clinician, day)
    if len(slots) <= count:
        return slots
    return sorted(random.sample(slots, count))
