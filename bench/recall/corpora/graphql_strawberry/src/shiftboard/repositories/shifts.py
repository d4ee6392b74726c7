from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, text
from sqlmodel import Session, select

from ..models import Shift, ShiftSignup, User


def get_for_org(db: Session, org_id: int, shift_id: int) -> Shift | None:
    shift = db.get(Shift, shift_id)
    if shift is None or shift.org_id != org_id:
        return None
    return shift


def list_shifts(
    db: Session,
    org_id: int,
    starts_after: datetime | None = None,
    starts_before: datetime | None = None,
    status: str | None = None,
    limit: int = 200,
) -> list[Shift]:
    stmt = select(Shift).where(Shift.org_id == org_id)
    if starts_after is not None:
        stmt = stmt.where(Shift.starts_at >= starts_after)
    if starts_before is not None:
        stmt = stmt.where(Shift.starts_at < starts_before)
    if status:
        stmt = stmt.where(Shift.status == status)
    return list(db.exec(stmt.order_by(Shift.starts_at).limit(limit)))


def confirmed_count(db: Session, shift_id: int) -> int:
    stmt = select(func.count()).select_from(ShiftSignup).where(
        ShiftSignup.shift_id == shift_id, ShiftSignup.status == "confirmed"
    )
    return db.exec(stmt).one()


def signups_for_shift(db: Session, shift_id: int) -> list[tuple[ShiftSignup, User]]:
    stmt = (
        select(ShiftSignup, User)
        .join(User, User.id == ShiftSignup.user_id)
        .where(ShiftSignup.shift_id == shift_id)
        .order_by(ShiftSignup.created_at)
    )
    return list(db.exec(stmt))


def signup_for(db: Session, shift_id: int, user_id: int) -> ShiftSignup | None:
    stmt = select(ShiftSignup).where(ShiftSignup.shift_id == shift_id, ShiftSignup.user_id == user_id)
    return db.exec(stmt).first()


def recent_signups_for_user(db: Session, user_id: int, limit: int = 20) -> list[tuple[ShiftSignup, Shift]]:
    stmt = (
        select(ShiftSignup, Shift)
        .join(Shift, Shift.id == ShiftSignup.shift_id)
        .where(ShiftSignup.user_id == user_id)
        .order_by(Shift.starts_at.desc())  # type: ignore[attr-defined]
        .limit(limit)
    )
    return list(db.exec(stmt))


def coverage_gaps(
    db: Session,
    org_id: int,
    window_start: datetime,
    window_end: datetime,
    location: str | None = None,
) -> list[dict[str, Any]]:
    """Open shifts in the window that still have free slots."""
    clauses = [
        "s.org_id = :org_id",
        "s.starts_at >= :window_start",
        "s.starts_at < :window_end",
        "s.status = 'open'",
    ]
    params: dict[str, Any] = {"org_id": org_id, "window_start": window_start, "window_end": window_end}
    if location:
        clauses.append("s.location = :location")
        params["location"] = location

    sql = (
        "SELECT s.id, s.title, s.location, s.starts_at, s.status, s.capacity, "
        "count(su.id) AS filled "
        "FROM shift s "
        "LEFT JOIN shift_signup su ON su.shift_id = s.id AND su.status = 'confirmed' "
        "WHERE " + " AND ".join(clauses) + " "
        "GROUP BY s.id HAVING count(su.id) < s.capacity "
        "ORDER BY s.starts_at"
    )
    return [dict(row) for row in db.execute(text(sql), params).mappings()]


def shifts_needing_reminder(db: Session, now: datetime, until: datetime) -> list[Shift]:
    stmt = select(Shift).where(
        Shift.status.in_(("open", "full")),  # type: ignore[attr-defined]
        Shift.starts_at >= now,
        Shift.starts_at < until,
        Shift.reminder_sent_at.is_(None),  # type: ignore[union-attr]
    )
    return list(db.exec(stmt))
