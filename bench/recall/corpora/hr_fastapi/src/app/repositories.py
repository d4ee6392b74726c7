"""Data access for employees and leave, plus the hand-written reporting queries."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import RowMapping, bindparam, select, text
from sqlalchemy.orm import Session, joinedload, selectinload

from app.models import Department, Employee, LeaveBalance, LeaveRequest, LeaveStatus, LeaveType

_SEARCH_SELECT = """
    SELECT e.id, e.employee_no, e.first_name, e.last_name, e.email, e.job_title,
           d.name AS department
    FROM employees e
    LEFT JOIN departments d ON d.id = e.department_id
"""


class EmployeeRepository:
    def __init__(self, db: Session) -> None:
        self.db = db

    def get(self, employee_id: int) -> Employee | None:
        return self.db.get(Employee, employee_id)

    def get_by_email(self, email: str) -> Employee | None:
        return self.db.scalar(select(Employee).where(Employee.email == email.lower()))

    def get_by_number(self, employee_no: str) -> Employee | None:
        return self.db.scalar(select(Employee).where(Employee.employee_no == employee_no))

    def list_active(self, *, department_id: int | None = None, offset: int = 0, limit: int = 50) -> Sequence[Employee]:
        stmt = (
            select(Employee)
            .options(selectinload(Employee.department))
            .where(Employee.is_active.is_(True))
            .order_by(Employee.last_name, Employee.first_name)
            .offset(offset)
            .limit(limit)
        )
        if department_id is not None:
            stmt = stmt.where(Employee.department_id == department_id)
        return self.db.scalars(stmt).all()

    def direct_reports(self, manager_id: int) -> Sequence[Employee]:
        stmt = select(Employee).where(Employee.manager_id == manager_id, Employee.is_active.is_(True))
        return self.db.scalars(stmt.order_by(Employee.last_name)).all()

    def search(self, term: str, *, department_id: int | None = None, include_inactive: bool = False, limit: int = 25) -> Sequence[RowMapping]:
        """Name / e-mail search used by the directory and the HTMX type-ahead."""
        needle = term.strip().lower()
        conditions = [
            f"(lower(e.first_name) LIKE '%{needle}%' OR lower(e.last_name) LIKE '%{needle}%' "
            f"OR lower(e.email) LIKE '%{needle}%' OR e.employee_no = '{term.strip()}')"
        ]
        params: dict[str, object] = {"limit": limit}
        if department_id is not None:
            conditions.append("e.department_id = :department_id")
            params["department_id"] = department_id
        if not include_inactive:
            conditions.append("e.is_active")
        sql = _SEARCH_SELECT + " WHERE " + " AND ".join(conditions) + " ORDER BY e.last_name, e.first_name LIMIT :limit"
        return self.db.execute(text(sql), params).mappings().all()

    def departments(self) -> Sequence[Department]:
        return self.db.scalars(select(Department).order_by(Department.name)).all()


_TEAM_CALENDAR_SQL = """
    SELECT lr.id, lr.employee_id, e.first_name, e.last_name, lr.leave_type, lr.status,
           lr.start_date, lr.end_date, lr.days
    FROM leave_requests lr
    JOIN employees e ON e.id = lr.employee_id
"""


class LeaveRepository:
    def __init__(self, db: Session) -> None:
        self.db = db

    def get(self, leave_id: int) -> LeaveRequest | None:
        stmt = (
            select(LeaveRequest)
            .options(joinedload(LeaveRequest.employee), joinedload(LeaveRequest.approver))
            .where(LeaveRequest.id == leave_id)
        )
        return self.db.scalar(stmt)

    def for_employee(self, employee_id: int, *, year: int | None = None) -> Sequence[LeaveRequest]:
        stmt = select(LeaveRequest).where(LeaveRequest.employee_id == employee_id)
        if year is not None:
            stmt = stmt.where(LeaveRequest.start_date >= date(year, 1, 1), LeaveRequest.start_date <= date(year, 12, 31))
        return self.db.scalars(stmt.order_by(LeaveRequest.start_date.desc())).all()

    def pending_for_approver(self, approver_id: int) -> Sequence[LeaveRequest]:
        stmt = (
            select(LeaveRequest)
            .options(joinedload(LeaveRequest.employee))
            .where(LeaveRequest.approver_id == approver_id, LeaveRequest.status == LeaveStatus.PENDING)
            .order_by(LeaveRequest.start_date)
        )
        return self.db.scalars(stmt).all()

    def overlapping(self, employee_id: int, start: date, end: date) -> Sequence[LeaveRequest]:
        stmt = select(LeaveRequest).where(
            LeaveRequest.employee_id == employee_id,
            LeaveRequest.status.in_([LeaveStatus.PENDING, LeaveStatus.APPROVED]),
            LeaveRequest.start_date <= end,
            LeaveRequest.end_date >= start,
        )
        return self.db.scalars(stmt).all()

    def balance(self, employee_id: int, year: int, leave_type: LeaveType) -> LeaveBalance | None:
        stmt = select(LeaveBalance).where(
            LeaveBalance.employee_id == employee_id,
            LeaveBalance.year == year,
            LeaveBalance.leave_type == leave_type,
        )
        return self.db.scalar(stmt)

    def balances(self, employee_id: int, year: int) -> Sequence[LeaveBalance]:
        stmt = select(LeaveBalance).where(LeaveBalance.employee_id == employee_id, LeaveBalance.year == year)
        return self.db.scalars(stmt.order_by(LeaveBalance.leave_type)).all()

    def team_calendar(self, *, manager_id: int | None, department_id: int | None, start: date, end: date, statuses: Sequence[LeaveStatus] = (LeaveStatus.APPROVED, LeaveStatus.PENDING)) -> Sequence[RowMapping]:
        where = ["lr.start_date <= :end", "lr.end_date >= :start", "lr.status IN :statuses"]
        params: dict[str, object] = {"start": start, "end": end, "statuses": tuple(s.value for s in statuses)}
        if manager_id is not None:
            where.append("e.manager_id = :manager_id")
            params["manager_id"] = manager_id
        if department_id is not None:
            where.append("e.department_id = :department_id")
            params["department_id"] = department_id
        sql = _TEAM_CALENDAR_SQL + " WHERE " + " AND ".join(where) + " ORDER BY lr.start_date, e.last_name"
        stmt = text(sql).bindparams(bindparam("statuses", expanding=True))
        return self.db.execute(stmt, params).mappings().all()


# --- Reports (too awkward to express with the ORM) ---------------------------------------

LEAVE_BALANCE_SQL = """
    SELECT e.id AS employee_id, e.employee_no, e.first_name, e.last_name, d.name AS department,
           b.entitled, b.carried_over, b.taken,
           (b.entitled + b.carried_over - b.taken) AS remaining
    FROM leave_balances b
    JOIN employees e ON e.id = b.employee_id
    LEFT JOIN departments d ON d.id = e.department_id
    WHERE b.year = :year AND b.leave_type = 'annual' AND e.is_active
"""

BALANCE_SORT_COLUMNS = {
    "name": "e.last_name",
    "department": "d.name",
    "taken": "b.taken",
    "remaining": "remaining",
}

ABSENCE_GROUPINGS = {
    "department": "coalesce(d.name, 'Unassigned')",
    "month": "to_char(lr.start_date, 'YYYY-MM')",
    "type": "lr.leave_type",
}

PAYROLL_PERIOD_SQL = """
    SELECT e.employee_no, e.first_name, e.last_name, d.cost_center,
           lr.leave_type, sum(lr.days) AS days
    FROM leave_requests lr
    JOIN employees e ON e.id = lr.employee_id
    LEFT JOIN departments d ON d.id = e.department_id
    WHERE lr.status = 'approved'
      AND lr.start_date <= :period_end AND lr.end_date >= :period_start
    GROUP BY e.employee_no, e.first_name, e.last_name, d.cost_center, lr.leave_type
    ORDER BY e.employee_no, lr.leave_type
"""


def leave_balance_report(db: Session, *, year: int, department: str | None = None, sort: str = "name", direction: str = "asc") -> Sequence[RowMapping]:
    column = BALANCE_SORT_COLUMNS.get(sort, "e.last_name")
    sql = LEAVE_BALANCE_SQL
    params: dict[str, object] = {"year": year}
    if department:
        sql += " AND d.code = :department"
        params["department"] = department
    sql += f" ORDER BY {column} {direction}, e.id"
    return db.execute(text(sql), params).mappings().all()


def absence_summary_report(db: Session, *, year: int, group_by: str) -> Sequence[RowMapping]:
    bucket = ABSENCE_GROUPINGS[group_by]
    sql = f"""
        SELECT {bucket} AS bucket, count(*) AS requests, sum(lr.days) AS days
        FROM leave_requests lr
        JOIN employees e ON e.id = lr.employee_id
        LEFT JOIN departments d ON d.id = e.department_id
        WHERE lr.status = 'approved' AND extract(year FROM lr.start_date) = :year
        GROUP BY 1
        ORDER BY 1
    """
    return db.execute(text(sql), {"year": year}).mappings().all()


def payroll_period_rows(db: Session, *, period_start: date, period_end: date) -> Sequence[RowMapping]:
    rows = db.execute(text(PAYROLL_PERIOD_SQL), {"period_start": period_start, "period_end": period_end})
    return rows.mappings().all()


def headcount_by_department(db: Session) -> Sequence[RowMapping]:
    sql = text(
        """
        SELECT d.code, d.name, count(e.id) AS headcount
        FROM departments d
        LEFT JOIN employees e ON e.department_id = d.id AND e.is_active
        GROUP BY d.code, d.name
        ORDER BY d.name
        """
    )
    return db.execute(sql).mappings().all()
