"""Server-rendered manager UI (Jinja2 + HTMX), authenticated with the session cookie."""
from datetime import date, timedelta
from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, BackgroundTasks, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from app.config import settings
from app.deps import DbSession, ManagerSession, OptionalSessionUser
from app.repositories import LeaveRepository
from app.security import csrf_exempt, flash, login_session, logout_session
from app.services import auth as auth_service
from app.services import leave as leave_service
from app.services.notifications import send_leave_decision_email
from app.templating import templates

router = APIRouter(prefix="/ui", tags=["ui"], include_in_schema=False)


def _safe_next(url: str | None) -> str:
    if not url:
        return "/ui/dashboard"
    parsed = urlparse(url)
    if parsed.scheme or parsed.netloc or not url.startswith("/") or url.startswith("//"):
        return "/ui/dashboard"
    return url


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, user: OptionalSessionUser, next: str = "/ui/dashboard"):
    if user is not None and user.is_manager:
        return RedirectResponse(_safe_next(next), status_code=status.HTTP_303_SEE_OTHER)
    return templates.TemplateResponse(request, "login.html", {"next": _safe_next(next), "sso_enabled": settings.sso_enabled})


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    db: DbSession,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/ui/dashboard",
):
    user = auth_service.authenticate(db, email, password)
    if user is None or not user.is_manager:
        return templates.TemplateResponse(
            request,
            "login.html",
            {"next": _safe_next(next), "sso_enabled": settings.sso_enabled, "error": "Invalid e-mail or password.", "email": email},
            status_code=status.HTTP_401_UNAUTHORIZED,
        )
    login_session(request, user)
    return RedirectResponse(_safe_next(next), status_code=status.HTTP_303_SEE_OTHER)


@router.post("/logout")
def logout(request: Request):
    logout_session(request)
    return RedirectResponse("/ui/login", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard(request: Request, db: DbSession, manager: ManagerSession):
    repo = LeaveRepository(db)
    today = date.today()
    pending = repo.pending_for_approver(manager.employee_id) if manager.employee_id else []
    upcoming = repo.team_calendar(manager_id=manager.employee_id, department_id=None, start=today, end=today + timedelta(days=28))
    return templates.TemplateResponse(request, "dashboard.html", {"user": manager, "pending": pending, "upcoming": upcoming, "today": today})


@router.get("/leave/{leave_id}", response_class=HTMLResponse)
def leave_detail(leave_id: int, request: Request, db: DbSession, manager: ManagerSession):
    leave = LeaveRepository(db).get(leave_id)
    if leave is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    return templates.TemplateResponse(
        request,
        "leave/detail.html",
        {"user": manager, "leave": leave, "can_decide": leave_service.can_decide(manager, leave)},
    )


@router.post("/leave/{leave_id}/decision", response_class=HTMLResponse)
@csrf_exempt
def leave_decision(
    leave_id: int,
    request: Request,
    background_tasks: BackgroundTasks,
    db: DbSession,
    manager: ManagerSession,
    decision: Annotated[str, Form()],
    comment: Annotated[str | None, Form()] = None,
):
    # Also called by the Outlook add-in (served from its own origin): it rides on the manager's
    # session cookie but has no way to read the page's CSRF token.
    leave = LeaveRepository(db).get(leave_id)
    if leave is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    leave = leave_service.decide_leave(db, leave, manager, approve=decision == "approve", comment=comment)
    background_tasks.add_task(send_leave_decision_email, leave.id)

    if request.headers.get("HX-Request"):
        return templates.TemplateResponse(request, "leave/_row.html", {"leave": leave, "user": manager})
    flash(request, f"Request #{leave.id} {leave.status.value}.", "success")
    return RedirectResponse(f"/ui/leave/{leave.id}", status_code=status.HTTP_303_SEE_OTHER)
