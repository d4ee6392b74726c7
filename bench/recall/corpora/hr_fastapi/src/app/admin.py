"""HR admin console, mounted under /admin by app.main."""
import hashlib
import logging
import secrets
from typing import Annotated

import markdown
import nh3
from fastapi import APIRouter, BackgroundTasks, FastAPI, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from app.deps import DbSession, HRAdminSession, LoginRequired, limiter
from app.errors import login_required_handler
from app.legacy_payroll import LegacyPayrollError, table_row_counts
from app.models import ApiClient, PolicyDocument, Role, User
from app.repositories import headcount_by_department
from app.security import flash
from app.services import auth as auth_service
from app.services.notifications import send_invitation_email
from app.templating import templates

logger = logging.getLogger("app.admin")

router = APIRouter(include_in_schema=False)

ALLOWED_POLICY_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "code"}


@router.get("/")
def admin_home(admin: HRAdminSession):
    return RedirectResponse("/admin/users", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/status")
def admin_status(db: DbSession, admin: HRAdminSession):
    try:
        legacy_counts = table_row_counts()
    except LegacyPayrollError:
        legacy_counts = None
    return {"headcount": [dict(r) for r in headcount_by_department(db)], "legacy_payroll": legacy_counts}


@router.get("/users", response_class=HTMLResponse)
def list_users(request: Request, db: DbSession, admin: HRAdminSession):
    users = db.scalars(select(User).order_by(User.email)).all()
    return templates.TemplateResponse(request, "admin/users.html", {"user": admin, "users": users, "roles": list(Role)})


@router.post("/users/{user_id}/role")
def change_role(user_id: int, request: Request, db: DbSession, admin: HRAdminSession, role: Annotated[Role, Form()]):
    target = db.get(User, user_id)
    if target is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    if target.id == admin.id:
        flash(request, "You cannot change your own role.", "error")
        return RedirectResponse("/admin/users", status_code=status.HTTP_303_SEE_OTHER)
    target.role = role
    db.commit()
    logger.info("user %s role changed to %s by %s", target.id, role.value, admin.id)
    flash(request, f"{target.email} is now {role.value}.", "success")
    return RedirectResponse("/admin/users", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/invitations")
@limiter.limit("30/hour")
def invite_user(
    request: Request,
    background_tasks: BackgroundTasks,
    db: DbSession,
    admin: HRAdminSession,
    email: Annotated[str, Form()],
    role: Annotated[Role, Form()] = Role.EMPLOYEE,
    employee_id: Annotated[int | None, Form()] = None,
):
    invitation = auth_service.create_invitation(db, email=email, role=role, employee_id=employee_id, invited_by=admin)
    inviter = admin.employee.full_name if admin.employee else admin.email
    background_tasks.add_task(send_invitation_email, invitation, inviter)
    flash(request, f"Invitation sent to {invitation.email}.", "success")
    return RedirectResponse("/admin/users", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/api-clients", response_class=HTMLResponse)
def api_clients(request: Request, db: DbSession, admin: HRAdminSession):
    clients = db.scalars(select(ApiClient).order_by(ApiClient.name)).all()
    return templates.TemplateResponse(request, "admin/api_clients.html", {"user": admin, "clients": clients})


@router.post("/api-clients", response_class=HTMLResponse)
def create_api_client(request: Request, db: DbSession, admin: HRAdminSession, name: Annotated[str, Form()], scopes: Annotated[list[str] | None, Form()] = None):
    prefix = f"hrk_{secrets.token_hex(4)}"
    api_key = f"{prefix}_{secrets.token_urlsafe(32)}"
    client = ApiClient(name=name.strip(), key_prefix=prefix, key_hash=hashlib.sha256(api_key.encode()).hexdigest(), scopes=scopes or [])
    db.add(client)
    db.commit()
    logger.info("api client %s (%s) created by user %s", client.id, prefix, admin.id)
    clients = db.scalars(select(ApiClient).order_by(ApiClient.name)).all()
    # The full key is shown exactly once.
    return templates.TemplateResponse(request, "admin/api_clients.html", {"user": admin, "clients": clients, "new_key": api_key, "new_client": client})


def _render_policy(body: str) -> str:
    rendered = markdown.markdown(body, extensions=["tables", "sane_lists"])
    return nh3.clean(rendered, tags=ALLOWED_POLICY_TAGS, attributes={"a": {"href", "title"}}, link_rel="noopener noreferrer")


@router.get("/policies/{slug}", response_class=HTMLResponse)
def view_policy(slug: str, request: Request, db: DbSession, admin: HRAdminSession):
    doc = db.scalar(select(PolicyDocument).where(PolicyDocument.slug == slug))
    if doc is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    return templates.TemplateResponse(
        request,
        "admin/policy.html",
        {"user": admin, "doc": doc, "policy_html": _render_policy(doc.body_markdown)},
    )


@router.post("/policies/{slug}")
def update_policy(slug: str, request: Request, db: DbSession, admin: HRAdminSession, body_markdown: Annotated[str, Form()]):
    doc = db.scalar(select(PolicyDocument).where(PolicyDocument.slug == slug))
    if doc is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    doc.body_markdown = body_markdown
    doc.updated_by_id = admin.id
    db.commit()
    flash(request, "Policy saved.", "success")
    return RedirectResponse(f"/admin/policies/{slug}", status_code=status.HTTP_303_SEE_OTHER)


admin_app = FastAPI(title="Acme HR admin console", debug=True, docs_url=None, redoc_url=None, openapi_url=None)
admin_app.state.limiter = limiter
admin_app.add_exception_handler(LoginRequired, login_required_handler)
admin_app.include_router(router)
