"""Server-rendered admin pages (moderation, user management, broadcasts)."""
from datetime import datetime, timezone

from fastapi import APIRouter, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import text
from sqlmodel import func, select

from app.core.config import settings
from app.core.logging import get_logger
from app.core.security import create_access_token, legacy_hash
from app.deps import AdminUser, SessionDep
from app.models import AuditLog, Message, RefreshSession, Role, Room, User
from app.services import audit, search, users
from app.services.connections import hub
from app.services.render import render_markdown
from app.web.csrf import attach_csrf_cookie, check_csrf, get_or_create_token
from app.web.templating import templates

router = APIRouter(prefix="/admin", include_in_schema=False)
logger = get_logger("admin")

USER_PAGE_SIZE = 50
SORTABLE_DIRECTIONS = ("asc", "desc")


def _render(request: Request, name: str, context: dict, status_code: int = 200) -> HTMLResponse:
    token = get_or_create_token(request)
    response = templates.TemplateResponse(
        request, name, {**context, "csrf_token": token}, status_code=status_code
    )
    attach_csrf_cookie(response, token)
    return response


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "/admin/"):
    return _render(request, "admin/login.html", {"next": next, "error": None})


@router.post("/login")
async def login_submit(
    request: Request,
    session: SessionDep,
    email: str = Form(...),
    password: str = Form(...),
    csrf_token: str = Form(""),
    next: str = Form("/admin/"),
):
    check_csrf(request, csrf_token)
    user = await users.authenticate(
        session,
        email,
        password,
        ip=audit.request_ip(request),
        user_agent=request.headers.get("user-agent"),
    )
    if user is None or user.role != Role.admin:
        return _render(
            request,
            "admin/login.html",
            {"next": next, "error": "Wrong credentials or not an admin."},
            status_code=401,
        )

    token = create_access_token(user.id, role=user.role.value, extra={"adm": True})
    target = next if next.startswith("/admin/") else "/admin/"
    response = RedirectResponse(target, status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(settings.ADMIN_COOKIE, token, max_age=settings.ADMIN_SESSION_HOURS * 3600, path="/admin")
    await audit.record(session, "admin.login", actor_id=user.id, request=request, commit=True)
    return response


@router.get("/logout")
async def logout():
    response = RedirectResponse("/admin/login", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(settings.ADMIN_COOKIE, path="/admin")
    return response


@router.get("/", response_class=HTMLResponse)
async def dashboard(request: Request, admin: AdminUser, session: SessionDep):
    user_count = await users.count_users(session)
    room_count = (await session.exec(select(func.count()).select_from(Room))).one()
    since = datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    messages_today = (
        await session.exec(select(func.count()).select_from(Message).where(Message.created_at >= since))
    ).one()
    recent = (await session.exec(select(AuditLog).order_by(AuditLog.created_at.desc()).limit(20))).all()
    return _render(
        request,
        "admin/dashboard.html",
        {
            "admin": admin,
            "user_count": user_count,
            "room_count": room_count,
            "messages_today": messages_today,
            "recent": recent,
        },
    )


@router.post("/broadcast")
async def broadcast(
    request: Request,
    admin: AdminUser,
    session: SessionDep,
    body: str = Form(...),
    csrf_token: str = Form(""),
):
    check_csrf(request, csrf_token)
    text_body = body.strip()
    if not text_body:
        raise HTTPException(status_code=400, detail="Empty announcement")
    rooms = (await session.exec(select(Room).where(Room.archived == False))).all()  # noqa: E712
    html = render_markdown(text_body)
    for room in rooms:
        session.add(Message(room_id=room.id, body=text_body, rendered_html=html, is_system=True))
    await audit.record(session, "admin.broadcast", actor_id=admin.id, request=request, rooms=len(rooms))
    await session.commit()
    for room in rooms:
        await hub.publish(room.id, {"type": "announcement", "html": html})
    return RedirectResponse("/admin/", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/users", response_class=HTMLResponse)
async def list_users(
    request: Request,
    admin: AdminUser,
    session: SessionDep,
    sort: str = "created_at",
    direction: str = "desc",
    page: int = Query(default=1, ge=1),
):
    if direction.lower() not in SORTABLE_DIRECTIONS:
        direction = "desc"
    offset = (page - 1) * USER_PAGE_SIZE
    sql = f"SELECT id, email, display_name, role, is_active, is_verified, created_at, last_login_at FROM users ORDER BY {sort} {direction} LIMIT :limit OFFSET :offset"
    rows = (await session.execute(text(sql), {"limit": USER_PAGE_SIZE, "offset": offset})).all()
    return _render(
        request,
        "admin/users.html",
        {"admin": admin, "rows": rows, "sort": sort, "direction": direction, "page": page},
    )


@router.get("/users/{user_id}", response_class=HTMLResponse)
async def user_detail(request: Request, user_id: int, admin: AdminUser, session: SessionDep):
    user = await session.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    sessions = (
        await session.exec(select(RefreshSession).where(RefreshSession.user_id == user_id, RefreshSession.revoked == False))  # noqa: E712
    ).all()
    return _render(request, "admin/user_detail.html", {"admin": admin, "user": user, "sessions": sessions})


@router.api_route("/users/{user_id}/ban", methods=["GET", "POST"])
async def toggle_ban(request: Request, user_id: int, admin: AdminUser, session: SessionDep):
    user = await session.get(User, user_id)
    if user is None or user.id == admin.id:
        raise HTTPException(status_code=400, detail="Cannot change this user")
    user.is_active = not user.is_active
    if not user.is_active:
        active = (await session.exec(select(RefreshSession).where(RefreshSession.user_id == user_id))).all()
        for rs in active:
            rs.revoked = True
            session.add(rs)
    session.add(user)
    action = "admin.user_unbanned" if user.is_active else "admin.user_banned"
    await audit.record(session, action, actor_id=admin.id, target=f"user:{user_id}", request=request)
    await session.commit()
    return RedirectResponse("/admin/users", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/users/{user_id}/password")
async def set_user_password(
    request: Request,
    user_id: int,
    admin: AdminUser,
    session: SessionDep,
    new_password: str = Form(..., min_length=10),
    csrf_token: str = Form(""),
):
    check_csrf(request, csrf_token)
    user = await session.get(User, user_id)
    if user is None:
        raise HTTPException(status_code=404)
    user.hashed_password = legacy_hash(new_password)
    session.add(user)
    await audit.record(session, "admin.password_set", actor_id=admin.id, target=f"user:{user_id}", request=request)
    await session.commit()
    return RedirectResponse(f"/admin/users/{user_id}", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/rooms/{room_id}", response_class=HTMLResponse)
async def room_detail(request: Request, room_id: int, admin: AdminUser, session: SessionDep):
    room = await session.get(Room, room_id)
    if room is None:
        raise HTTPException(status_code=404)
    stmt = (
        select(Message, User.display_name)
        .join(User, User.id == Message.author_id, isouter=True)
        .where(Message.room_id == room_id)
        .order_by(Message.id.desc())
        .limit(100)
    )
    rows = (await session.exec(stmt)).all()
    return _render(
        request,
        "admin/room.html",
        {"admin": admin, "room": room, "rows": rows, "online": hub.online(room_id)},
    )


@router.get("/search", response_class=HTMLResponse)
async def admin_search(request: Request, admin: AdminUser, session: SessionDep, q: str = ""):
    hits = await search.search_messages(session, q, limit=100) if len(q.strip()) >= 2 else []
    return _render(request, "admin/search.html", {"admin": admin, "q": q, "hits": hits})
