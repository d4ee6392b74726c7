from __future__ import annotations

import html
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from app.deps import CurrentUser, DbSession, HRAdminSession, ManagerSession, ManagerUser
from app.repositories import EmployeeRepository
from app.schemas import EmployeeOut, EmployeeSearchHit, EmployeeUpdate
from app.security import flash
from app.services import employees as employee_service
from app.templating import templates

api_router = APIRouter(prefix="/api/employees", tags=["employees"])
ui_router = APIRouter(prefix="/ui/employees", tags=["ui"], include_in_schema=False)


# --- JSON API ---------------------------------------------------------------------------


@api_router.get("", response_model=list[EmployeeOut])
def list_employees(
    db: DbSession,
    user: ManagerUser,
    department_id: int | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
):
    return EmployeeRepository(db).list_active(department_id=department_id, offset=offset, limit=limit)


@api_router.get("/search", response_model=list[EmployeeSearchHit])
def search_employees(db: DbSession, user: CurrentUser, q: Annotated[str, Query(max_length=100)], department_id: int | None = None):
    return employee_service.search(db, q, department_id=department_id)


@api_router.get("/{employee_id}", response_model=EmployeeOut)
def get_employee(employee_id: int, db: DbSession, user: CurrentUser):
    employee = EmployeeRepository(db).get(employee_id)
    if employee is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Employee not found")
    if not user.is_manager and user.employee_id != employee.id:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Not allowed")
    return employee


# --- HTMX manager UI --------------------------------------------------------------------


@ui_router.get("", response_class=HTMLResponse)
def directory(request: Request, db: DbSession, manager: ManagerSession, department_id: int | None = None):
    repo = EmployeeRepository(db)
    return templates.TemplateResponse(
        request,
        "employees/list.html",
        {
            "user": manager,
            "employees": repo.list_active(department_id=department_id, limit=100),
            "departments": repo.departments(),
            "department_id": department_id,
        },
    )


@ui_router.get("/search", response_class=HTMLResponse)
def search_rows(request: Request, db: DbSession, manager: ManagerSession, q: str = "", department_id: int | None = None):
    hits = employee_service.search(db, q, department_id=department_id)
    if not hits:
        return HTMLResponse(f'<tr class="empty"><td colspan="5">No employees match <strong>{q}</strong>.</td></tr>')
    return templates.TemplateResponse(request, "employees/_rows.html", {"employees": hits, "q": q})


@ui_router.get("/check-email", response_class=HTMLResponse)
def check_email(db: DbSession, manager: ManagerSession, email: str = ""):
    if email and EmployeeRepository(db).get_by_email(email):
        return HTMLResponse(f'<span class="field-error">{html.escape(email)} is already used by another employee.</span>')
    return HTMLResponse("")


@ui_router.get("/{employee_id}/edit", response_class=HTMLResponse)
def edit_form(employee_id: int, request: Request, db: DbSession, admin: HRAdminSession):
    repo = EmployeeRepository(db)
    employee = repo.get(employee_id)
    if employee is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    return templates.TemplateResponse(
        request,
        "employees/edit.html",
        {"user": admin, "employee": employee, "departments": repo.departments()},
    )


@ui_router.post("/{employee_id}")
def save_employee(
    employee_id: int,
    request: Request,
    db: DbSession,
    admin: HRAdminSession,
    job_title: Annotated[str | None, Form()] = None,
    phone: Annotated[str | None, Form()] = None,
    bio: Annotated[str | None, Form()] = None,
    department_id: Annotated[int | None, Form()] = None,
    manager_id: Annotated[int | None, Form()] = None,
):
    employee = EmployeeRepository(db).get(employee_id)
    if employee is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    data = EmployeeUpdate(job_title=job_title, phone=phone, bio=bio, department_id=department_id, manager_id=manager_id)
    try:
        employee_service.update_employee(db, employee, data, changed_by=admin.id)
    except ValueError as exc:
        flash(request, str(exc), "error")
        return RedirectResponse(f"/ui/employees/{employee_id}/edit", status_code=status.HTTP_303_SEE_OTHER)
    flash(request, f"Saved changes to {employee.full_name}.", "success")
    return RedirectResponse("/ui/employees", status_code=status.HTTP_303_SEE_OTHER)
