"""Admin area: member management and attendance reports."""
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Form, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from app.dependencies import get_admin_service, get_report_service, require_role
from app.services.admin import ROLES, AdminService
from app.services.reports import REPORT_DIMENSIONS, ReportService
from app.templating import templates

router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(require_role("admin"))])

Admin = Annotated[dict, Depends(require_role("admin"))]
Service = Annotated[AdminService, Depends(get_admin_service)]
Reports = Annotated[ReportService, Depends(get_report_service)]


def _back_to_users(flash: str) -> RedirectResponse:
    return RedirectResponse(f"/admin/users?flash={flash}", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/users", response_class=HTMLResponse)
async def users_page(request: Request, admin: Admin, service: Service, q: str = "", page: Annotated[int, Query(ge=1)] = 1):
    members = await service.list_users(q or None, page)
    context = {"user": admin, "members": members, "q": q, "page": page, "roles": ROLES, "flash": request.query_params.get("flash")}
    return templates.TemplateResponse(request, "admin/users.html", context)


@router.post("/users/{user_id}/role")
async def change_role(user_id: str, admin: Admin, service: Service, role: Annotated[str, Form()]):
    await service.set_role(user_id, role, admin)
    return _back_to_users("role-updated")


@router.post("/users/{user_id}/deactivate")
async def deactivate_user(user_id: str, admin: Admin, service: Service):
    await service.deactivate(user_id, admin)
    return _back_to_users("deactivated")


@router.post("/users/{user_id}/temporary-password")
async def temporary_password(user_id: str, admin: Admin, service: Service, background: BackgroundTasks):
    await service.issue_temporary_password(user_id, admin, background)
    return _back_to_users("temporary-password-sent")


@router.get("/reports", response_class=HTMLResponse)
async def reports_page(
    request: Request,
    admin: Admin,
    reports: Reports,
    dimension: str = "city",
    since: str | None = None,
    organizer: Annotated[str | None, Query(max_length=120)] = None,
):
    breakdown = await reports.attendance_by(dimension, since)
    activity = await reports.organizer_activity(organizer) if organizer else []
    context = {
        "user": admin,
        "dimensions": list(REPORT_DIMENSIONS),
        "dimension": dimension,
        "since": since or "",
        "organizer": organizer or "",
        "breakdown": breakdown,
        "activity": activity,
    }
    return templates.TemplateResponse(request, "admin/reports.html", context)
