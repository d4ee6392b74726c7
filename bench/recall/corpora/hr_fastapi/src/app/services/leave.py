from __future__ import annotations

import logging
import random
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import settings
from app.models import Employee, LeaveBalance, LeaveRequest, LeaveStatus, LeaveType, Role, User
from app.repositories import LeaveRepository
from app.schemas import LeaveRequestCreate

logger = logging.getLogger("app.leave")

BALANCE_TRACKED_TYPES = {LeaveType.ANNUAL}


class LeaveError(Exception):
    def __init__(self, message: str, code: str = "leave_error") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def working_days_between(start: date, end: date, holidays: set[date] | None = None) -> Decimal:
    holidays = holidays or set()
    days = 0
    current = start
    while current <= end:
        if current.weekday() in settings.working_days and current not in holidays:
            days += 1
        current += timedelta(days=1)
    return Decimal(days)


def _pick_approver(db: Session, employee: Employee) -> Employee | None:
    if employee.manager is not None and employee.manager.is_active:
        return employee.manager
    # No line manager (e.g. department heads): spread the requests over the HR team.
    candidates = list(
        db.scalars(
            select(Employee)
            .join(User, User.employee_id == Employee.id)
            .where(User.role == Role.HR_ADMIN, User.is_active.is_(True), Employee.id != employee.id)
        )
    )
    if not candidates:
        return None
    random.shuffle(candidates)
    return candidates[0]


def submit_leave(db: Session, employee: Employee, data: LeaveRequestCreate, *, source: str = "web") -> LeaveRequest:
    repo = LeaveRepository(db)
    if repo.overlapping(employee.id, data.start_date, data.end_date):
        raise LeaveError("You already have leave booked in this period", code="overlap")

    days = working_days_between(data.start_date, data.end_date)
    if days == 0:
        raise LeaveError("The selected period contains no working days", code="no_working_days")

    if data.leave_type in BALANCE_TRACKED_TYPES:
        balance = repo.balance(employee.id, data.start_date.year, data.leave_type)
        if balance is None or Decimal(str(balance.remaining)) < days:
            raise LeaveError("Not enough leave remaining for this request", code="insufficient_balance")

    approver = _pick_approver(db, employee)
    leave = LeaveRequest(
        employee_id=employee.id,
        approver_id=approver.id if approver else None,
        leave_type=data.leave_type,
        start_date=data.start_date,
        end_date=data.end_date,
        days=days,
        reason=data.reason,
        source=source,
    )
    # Sick leave is recorded, not approved.
    if data.leave_type == LeaveType.SICK:
        leave.status = LeaveStatus.APPROVED
        leave.decided_at = datetime.now(timezone.utc)
    db.add(leave)
    db.commit()
    db.refresh(leave)
    logger.info("leave %s submitted by employee %s (%s days)", leave.id, employee.id, days)
    return leave


def can_decide(user: User, leave: LeaveRequest) -> bool:
    if user.role == Role.HR_ADMIN:
        return True
    return user.employee_id is not None and leave.approver_id == user.employee_id


def decide_leave(db: Session, leave: LeaveRequest, decided_by: User, *, approve: bool, comment: str | None) -> LeaveRequest:
    if leave.status != LeaveStatus.PENDING:
        raise LeaveError("This request has already been decided", code="already_decided")
    if not can_decide(decided_by, leave):
        raise LeaveError("You are not the approver for this request", code="not_approver")

    leave.status = LeaveStatus.APPROVED if approve else LeaveStatus.REJECTED
    leave.manager_comment = comment
    leave.decided_at = datetime.now(timezone.utc)
    if approve and leave.leave_type in BALANCE_TRACKED_TYPES:
        _book_days(db, leave)
    db.commit()
    logger.info("leave %s %s by user %s", leave.id, leave.status.value, decided_by.id)
    return leave


def cancel_leave(db: Session, leave: LeaveRequest, employee: Employee) -> LeaveRequest:
    if leave.employee_id != employee.id:
        raise LeaveError("You can only cancel your own requests", code="not_owner")
    if leave.status not in (LeaveStatus.PENDING, LeaveStatus.APPROVED):
        raise LeaveError("This request can no longer be cancelled", code="not_cancellable")
    if leave.start_date <= date.today():
        raise LeaveError("Leave that has already started must be cancelled by HR", code="started")
    if leave.status == LeaveStatus.APPROVED and leave.leave_type in BALANCE_TRACKED_TYPES:
        _book_days(db, leave, sign=-1)
    leave.status = LeaveStatus.CANCELLED
    db.commit()
    return leave


def _book_days(db: Session, leave: LeaveRequest, sign: int = 1) -> None:
    balance = LeaveRepository(db).balance(leave.employee_id, leave.start_date.year, leave.leave_type)
    if balance is None:
        balance = LeaveBalance(employee_id=leave.employee_id, year=leave.start_date.year, leave_type=leave.leave_type)
        db.add(balance)
    balance.taken = Decimal(str(balance.taken or 0)) + sign * Decimal(str(leave.days))
