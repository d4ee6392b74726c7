"""Shift scheduling rules."""
from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime

import structlog
from sqlmodel import Session

from ..models import Shift, ShiftSignup, User, utcnow
from ..repositories import shifts as shifts_repo

log = structlog.get_logger(__name__)

EDITABLE_FIELDS = ("title", "location", "starts_at", "ends_at", "capacity", "notes")


class ShiftError(Exception):
    """Scheduling errors shown to the user as-is."""


def _validate_window(starts_at: datetime, ends_at: datetime) -> None:
    if ends_at <= starts_at:
        raise ShiftError("A shift must end after it starts.")
    if (ends_at - starts_at).total_seconds() > 16 * 3600:
        raise ShiftError("Shifts longer than 16 hours should be split.")


def create_shift(db: Session, org_id: int, created_by: int, **fields) -> Shift:
    _validate_window(fields["starts_at"], fields["ends_at"])
    shift = Shift(org_id=org_id, created_by=created_by, status="open", **fields)
    db.add(shift)
    db.commit()
    db.refresh(shift)
    log.info("shift.created", shift_id=shift.id, org_id=org_id)
    return shift


def update_shift(db: Session, shift: Shift, **fields) -> Shift:
    changes = {k: v for k, v in fields.items() if k in EDITABLE_FIELDS and v is not None}
    starts_at = changes.get("starts_at", shift.starts_at)
    ends_at = changes.get("ends_at", shift.ends_at)
    _validate_window(starts_at, ends_at)
    if "capacity" in changes and changes["capacity"] < shifts_repo.confirmed_count(db, shift.id):
        raise ShiftError("Capacity is lower than the number of confirmed volunteers.")
    for key, value in changes.items():
        setattr(shift, key, value)
    shift.updated_at = utcnow()
    db.add(shift)
    db.commit()
    db.refresh(shift)
    return shift


def sign_up(db: Session, shift: Shift, user: User) -> ShiftSignup:
    if shift.status not in ("open", "full"):
        raise ShiftError("This shift is not accepting sign-ups.")
    if shift.starts_at <= utcnow():
        raise ShiftError("This shift has already started.")

    existing = shifts_repo.signup_for(db, shift.id, user.id)
    if existing is not None and existing.status in ("confirmed", "standby"):
        return existing

    filled = shifts_repo.confirmed_count(db, shift.id)
    status = "confirmed" if filled < shift.capacity else "standby"
    signup = existing or ShiftSignup(shift_id=shift.id, user_id=user.id)
    signup.status = status
    signup.updated_at = utcnow()
    db.add(signup)
    if status == "confirmed" and filled + 1 >= shift.capacity:
        shift.status = "full"
        db.add(shift)
    db.commit()
    db.refresh(signup)
    return signup


def cancel_signup(db: Session, signup: ShiftSignup, shift: Shift) -> ShiftSignup:
    was_confirmed = signup.status == "confirmed"
    signup.status = "cancelled"
    signup.updated_at = utcnow()
    db.add(signup)
    if was_confirmed and shift.status == "full":
        shift.status = "open"
        db.add(shift)
    db.commit()
    db.refresh(signup)
    return signup


def cancel_shift(db: Session, shift: Shift, cancelled_by: int) -> list[ShiftSignup]:
    affected = []
    for signup, _user in shifts_repo.signups_for_shift(db, shift.id):
        if signup.status in ("confirmed", "standby"):
            signup.status = "cancelled"
            signup.updated_at = utcnow()
            db.add(signup)
            affected.append(signup)
    shift.status = "cancelled"
    shift.updated_at = utcnow()
    db.add(shift)
    db.commit()
    log.info("shift.cancelled", shift_id=shift.id, by=cancelled_by, affected=len(affected))
    return affected


def auto_fill(db: Session, shift: Shift, standby: Sequence[User]) -> list[ShiftSignup]:
    """Promote volunteers from the standby pool into free slots.

    The pool is shuffled so the same people are not always picked first.
    """
    free = shift.capacity - shifts_repo.confirmed_count(db, shift.id)
    if free <= 0:
        return []
    pool = list(standby)
    random.shuffle(pool)
    promoted = []
    for user in pool[:free]:
        signup = shifts_repo.signup_for(db, shift.id, user.id) or ShiftSignup(shift_id=shift.id, user_id=user.id)
        signup.status = "confirmed"
        signup.updated_at = utcnow()
        db.add(signup)
        promoted.append(signup)
    if len(promoted) == free:
        shift.status = "full"
        db.add(shift)
    db.commit()
    return promoted
