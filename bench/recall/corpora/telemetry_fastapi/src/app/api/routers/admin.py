"""Server-rendered dashboard for customers and our own support staff."""
import logging
from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlmodel import select

from app.api.csrf import csrf_token_for, set_csrf_cookie, verify_csrf
from app.api.deps import DashboardUser, PoolDep, SessionDep, dashboard_project
from app.core.config import settings
from app.core.limiter import limiter
from app.core.security import create_access_token
from app.core.templating import templates
from app.models import ApiKey, Project, Role
from app.services import api_keys, invites, passwords, projects, rollups, search, users
from app.services.markdown import render_markdown
from app.utils.timeutil import resolve_range

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/admin", tags=["dashboard"], include_in_schema=False)

ViewerProject = Annotated[Project, Depends(dashboard_project(Role.viewer))]
AdminProject = Annotated[Project, Depends(dashboard_project(Role.admin))]

CsrfChecked = [Depends(verify_csrf)]


def render(
    request: Request, name: str, context: dict, status_code: int = 200
) -> HTMLResponse:
    token = csrf_token_for(request)
    response = templates.TemplateResponse(
        request, name, {**context, "csrf_token": token}, status_code=status_code
    )
    set_csrf_cookie(response, token)
    return response


def _safe_next(value: str | None) -> str:
    if not value:
        return "/admin/"
    parsed = urlparse(value)
    if parsed.scheme or parsed.netloc or not value.startswith("/") or value[1:2] in ("/", "\\"):
        return "/admin/"
    return value


def _login_response(user_id: int, next_path: str) -> RedirectResponse:
    response = RedirectResponse(_safe_next(next_path), status_code=status.HTTP_303_SEE_OTHER)
    # SameSite=None: the in-page toolbar on customer sites calls the dashboard with this cookie
    response.set_cookie(
        settings.session_cookie_name,
        create_access_token(user_id),
        max_age=settings.access_token_expire_minutes * 60,
        secure=settings.is_production,
        samesite="none",
    )
    return response


# --- session -----------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "/admin/"):
    return render(request, "admin/login.html", {"next": _safe_next(next)})


@router.post("/login", dependencies=CsrfChecked)
async def login_submit(
    request: Request,
    session: SessionDep,
    email: str = Form(...),
    password: str = Form(...),
    next: str = Form("/admin/"),
):
    user = await users.authenticate(session, email, password)
    if user is None:
        return render(
            request,
            "admin/login.html",
            {"error": "Invalid email or password.", "email": email, "next": next},
            status_code=status.HTTP_400_BAD_REQUEST,
        )
    logger.info("dashboard login for user %s", user.id)
    return _login_response(user.id, next)


@router.post("/logout", dependencies=CsrfChecked)
async def logout():
    response = RedirectResponse("/admin/login", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(settings.session_cookie_name)
    return response


@router.get("/reset-password", response_class=HTMLResponse, name="reset_password_page")
async def reset_password_page(request: Request, token: str = ""):
    return render(request, "admin/reset_password.html", {"token": token})


@router.post("/reset-password", dependencies=CsrfChecked)
@limiter.limit("10/minute")
async def reset_password_submit(
    request: Request,
    session: SessionDep,
    token: str = Form(...),
    password: str = Form(..., min_length=10, max_length=128),
):
    user = await passwords.complete_password_reset(session, token, password)
    if user is None:
        return render(
            request,
            "admin/reset_password.html",
            {"token": "", "error": "This reset link is invalid or has expired."},
            status_code=status.HTTP_400_BAD_REQUEST,
        )
    return _login_response(user.id, "/admin/")


@router.get("/invite/{token}", response_class=HTMLResponse)
async def invite_page(request: Request, token: str, session: SessionDep):
    invite = await invites.get_open_invite(session, token)
    if invite is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Invite not found or expired")
    project = await session.get(Project, invite.project_id)
    return render(request, "admin/invite.html", {"invite": invite, "project": project})


@router.post("/invite/{token}", dependencies=CsrfChecked)
@limiter.limit("5/minute")
async def invite_accept(
    request: Request,
    token: str,
    session: SessionDep,
    full_name: str = Form(..., max_length=200),
    password: str = Form(..., min_length=10, max_length=128),
):
    invite = await invites.get_open_invite(session, token)
    if invite is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Invite not found or expired")
    user = await invites.accept_invite(session, invite, full_name, password)
    return _login_response(user.id, f"/admin/projects/{invite.project_id}")


# --- pages -------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
async def dashboard(request: Request, user: DashboardUser, session: SessionDep, pool: PoolDep):
    project_list = await projects.projects_for_user(session, user)
    start, _ = resolve_range("24h", None, None)
    counts = {p.id: await rollups.count_since(pool, p.id, start) for p in project_list}
    return render(
        request,
        "admin/dashboard.html",
        {"user": user, "projects": project_list, "counts": counts},
    )


@router.get("/projects/{project_id}", response_class=HTMLResponse)
async def project_detail(
    request: Request,
    project: ViewerProject,
    user: DashboardUser,
    session: SessionDep,
    pool: PoolDep,
):
    start, end = resolve_range("7d", None, None)
    top = await rollups.top_events(pool, project.id, start, end, limit=10)
    member = await projects.membership(session, project.id, user)
    can_admin = user.is_superuser or projects.has_role(member, Role.admin)
    keys = await api_keys.list_keys(session, project.id) if can_admin else []
    return render(
        request,
        "admin/project.html",
        {
            "user": user,
            "project": project,
            "readme_html": render_markdown(project.readme),
            "top_events": [dict(r) for r in top],
            "keys": keys,
            "can_admin": can_admin,
            "new_key": request.query_params.get("created"),
        },
    )


@router.post("/projects/{project_id}/keys", dependencies=CsrfChecked)
async def create_key(
    request: Request,
    project: AdminProject,
    user: DashboardUser,
    session: SessionDep,
    name: str = Form(..., min_length=1, max_length=80),
):
    key, raw = await api_keys.create_api_key(session, project.id, name, user.id)
    # show the full key exactly once
    return render(
        request,
        "admin/key_created.html",
        {"user": user, "project": project, "key": key, "raw_key": raw},
        status_code=status.HTTP_201_CREATED,
    )


@router.post("/projects/{project_id}/keys/{key_id}/revoke")
async def revoke_key(key_id: int, project: AdminProject, session: SessionDep):
    key = (
        await session.exec(
            select(ApiKey).where(ApiKey.id == key_id, ApiKey.project_id == project.id)
        )
    ).first()
    if key is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Key not found")
    await api_keys.revoke(session, key)
    return RedirectResponse(
        f"/admin/projects/{project.id}#keys", status_code=status.HTTP_303_SEE_OTHER
    )


@router.post("/projects/{project_id}/share", dependencies=CsrfChecked)
async def rotate_share(project: AdminProject, session: SessionDep, enabled: bool = Form(True)):
    if enabled:
        await projects.rotate_share_link(session, project)
    else:
        await projects.disable_share_link(session, project)
    return RedirectResponse(
        f"/admin/projects/{project.id}#sharing", status_code=status.HTTP_303_SEE_OTHER
    )


@router.get("/projects/{project_id}/events", response_class=HTMLResponse)
async def events_page(
    request: Request,
    project: ViewerProject,
    user: DashboardUser,
    session: SessionDep,
    q: str | None = Query(None, max_length=200),
    distinct_id: str | None = Query(None, alias="user", max_length=200),
    sort: str = "ts",
):
    if q or distinct_id:
        rows = await search.search_events(session, project.id, q=q, distinct_id=distinct_id)
    else:
        rows = await search.list_recent_events(session, project.id, order_by=sort)
    return render(
        request,
        "admin/events.html",
        {
            "user": user,
            "project": project,
            "events": rows,
            "q": q or "",
            "distinct_id": distinct_id or "",
            "sort": sort,
        },
    )

