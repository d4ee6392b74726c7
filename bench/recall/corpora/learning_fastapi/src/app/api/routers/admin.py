"""Server-rendered tenant admin console (cookie session)."""
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from app.api.deps import SessionDep, TenantDep
from app.core.csrf import get_csrf_token, verify_csrf
from app.core.rate_limit import limiter
from app.core.security import verify_password
from app.models import Course, Enrolment, User
from app.repositories import course_repo, user_repo

router = APIRouter(prefix="/admin", tags=["admin"], include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).resolve().parents[2] / "templates"))


def session_admin(request: Request, session: SessionDep, tenant: TenantDep) -> User:
    admin_id = request.session.get("admin_id")
    user = user_repo.get(session, admin_id) if admin_id else None
    if user is None or user.tenant_id != tenant.id or user.role.value != "admin":
        raise HTTPException(status.HTTP_303_SEE_OTHER, headers={"Location": "/admin/login"})
    return user


SessionAdmin = Annotated[User, Depends(session_admin)]


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request):
    return templates.TemplateResponse(request, "admin/login.html", {"csrf_token": get_csrf_token(request)})


@router.post("/login")
@limiter.limit("10/minute")
def login_submit(
    request: Request,
    session: SessionDep,
    tenant: TenantDep,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()],
):
    verify_csrf(request, csrf_token)
    user = user_repo.get_by_email(session, tenant.id, email)
    if user is None or user.role.value != "admin" or not verify_password(password, user.hashed_password):
        return RedirectResponse("/admin/login?error=1", status_code=status.HTTP_303_SEE_OTHER)
    request.session.clear()
    request.session["admin_id"] = user.id
    return RedirectResponse("/admin/enrolments/new", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/enrolments/new", response_class=HTMLResponse)
def new_enrolment_form(request: Request, admin: SessionAdmin, session: SessionDep, tenant: TenantDep):
    courses = course_repo.quick_search(session, tenant.id, "", limit=200)
    return templates.TemplateResponse(request, "admin/enrol_form.html", {"courses": courses, "admin": admin})


@router.post("/enrolments")
def create_enrolment(
    request: Request,
    admin: SessionAdmin,
    session: SessionDep,
    tenant: TenantDep,
    email: Annotated[str, Form()],
    course_id: Annotated[int, Form()],
):
    student = user_repo.get_by_email(session, tenant.id, email)
    course = session.get(Course, course_id)
    if student is None or course is None or course.tenant_id != tenant.id:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Unknown student or course")
    session.add(Enrolment(tenant_id=tenant.id, user_id=student.id, course_id=course.id, source="admin"))
    session.commit()
    return RedirectResponse("/admin/enrolments/new?ok=1", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/settings", response_class=HTMLResponse)
def tenant_settings_page(request: Request, admin: SessionAdmin, tenant: TenantDep):
    return templates.TemplateResponse(
        request,
        "admin/tenant_settings.html",
        {"tenant": tenant, "csrf_token": get_csrf_token(request)},
    )


@router.post("/settings")
def update_tenant_settings(
    request: Request,
    admin: SessionAdmin,
    session: SessionDep,
    tenant: TenantDep,
    name: Annotated[str, Form()],
    certificate_footer: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
):
    verify_csrf(request, csrf_token)
    tenant.name = name
    tenant.certificate_footer = certificate_footer
    session.add(tenant)
    session.commit()
    return RedirectResponse("/admin/settings?saved=1", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form()] = ""):
    verify_csrf(request, csrf_token)
    request.session.clear()
    return RedirectResponse("/admin/login", status_code=status.HTTP_303_SEE_OTHER)
