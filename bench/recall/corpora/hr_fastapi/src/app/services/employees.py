from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.models import Employee
from app.repositories import EmployeeRepository
from app.schemas import EmployeeSearchHit, EmployeeUpdate

logger = logging.getLogger("app.employees")

MIN_SEARCH_LENGTH = 2


def search(db: Session, term: str, *, department_id: int | None = None, include_inactive: bool = False) -> list[EmployeeSearchHit]:
    if len(term.strip()) < MIN_SEARCH_LENGTH:
        return []
    rows = EmployeeRepository(db).search(term, department_id=department_id, include_inactive=include_inactive)
    return [EmployeeSearchHit(**row) for row in rows]


def update_employee(db: Session, employee: Employee, data: EmployeeUpdate, *, changed_by: int) -> Employee:
    changes = data.model_dump(exclude_unset=True)
    if changes.get("manager_id") == employee.id:
        raise ValueError("An employee cannot be their own manager")
    for field, value in changes.items():
        setattr(employee, field, value)
    db.commit()
    db.refresh(employee)
    logger.info("employee %s updated by user %s: %s", employee.id, changed_by, sorted(changes))
    return employee
