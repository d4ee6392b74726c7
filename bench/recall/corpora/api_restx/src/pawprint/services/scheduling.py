"""Appointment slots, vet assignment and owner confirmation links."""
import hashlib
import logging
import random
from datetime import datetime, time, timedelta, timezone

import jwt
from flask import current_app

from ..extensions import cache
from ..models.accounts import StaffUser
from ..models.appointments import Appointment

log = logging.getLogger(__name__)

SLOT_MINUTES = 20
OPENING = time(8, 30)
CLOSING = time(18, 0)
CONFIRM_TOKEN_TTL = timedelta(days=3)
_CONFIRM_ALGORITHM = "HS256"


def _slots_cache_key(clinic_id, vet_id, day):
    raw = f"{clinic_id}:{vet_id}:{day.isoformat()}"
    return "slots:" + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()


def _day_bounds(day):
    start = datetime.combine(day, OPENING, tzinfo=timezone.utc)
    end = datetime.combine(day, CLOSING, tzinfo=timezone.utc)
    return start, end


def available_slots(clinic, vet, day):
    key = _slots_cache_key(clinic.id, vet.id if vet else "any", day)
    cached = cache.get(key)
    if cached is not None:
        return cached

    start, end = _day_bounds(day)
    query = Appointment.objects(
        clinic=clinic,
        starts_at__gte=start,
        starts_at__lt=end,
        status__nin=["cancelled", "no_show"],
    )
    if vet is not None:
        query = query.filter(vet=vet)
    booked = [(a.starts_at, a.ends_at) for a in query.only("starts_at", "duration_min")]

    slots = []
    cursor = start
    while cursor + timedelta(minutes=SLOT_MINUTES) <= end:
        slot_end = cursor + timedelta(minutes=SLOT_MINUTES)
        if not any(b_start < slot_end and cursor < b_end for b_start, b_end in booked):
            slots.append(cursor.isoformat())
        cursor = slot_end

    cache.set(key, slots, timeout=120)
    return slots


def invalidate_slots(appointment):
    day = appointment.starts_at.date()
    for vet_id in (appointment.vet.id if appointment.vet else None, "any"):
        if vet_id is not None:
            cache.delete(_slots_cache_key(appointment.clinic.id, vet_id, day))


def assign_vet(clinic, starts_at, duration_min=SLOT_MINUTES):
    """Pick an on-call vet with a free slot; spread the load between them."""
    on_call = list(StaffUser.objects(clinic=clinic, role="vet", is_active_flag=True))
    random.shuffle(on_call)
    ends_at = starts_at + timedelta(minutes=duration_min)
    for vet in on_call:
        clash = Appointment.objects(
            vet=vet,
            starts_at__lt=ends_at,
            status__nin=["cancelled", "no_show"],
        ).filter(starts_at__gte=starts_at - timedelta(hours=4))
        if not any(a.ends_at > starts_at for a in clash):
            return vet
    return None


def make_confirmation_token(appointment):
    now = datetime.now(timezone.utc)
    payload = {
        "sub": str(appointment.id),
        "purpose": "appointment-confirm",
        "iat": now,
        "exp": now + CONFIRM_TOKEN_TTL,
    }
    return jwt.encode(payload, current_app.config["SECRET_KEY"], algorithm=_CONFIRM_ALGORITHM)


def read_confirmation_token(token):
    try:
        payload = jwt.decode(
            token,
            current_app.config["SECRET_KEY"],
            algorithms=[_CONFIRM_ALGORITHM],
            options={"require": ["exp", "sub"]},
        )
    except jwt.PyJWTError as exc:
        log.info("Rejected confirmation token: %s", exc.__class__.__name__)
        return None
    if payload.get("purpose") != "appointment-confirm":
        return None
    return Appointment.objects(id=payload["sub"]).first()
