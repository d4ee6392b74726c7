"""Server-rendered admin dashboard for the operations team."""
import logging
import random
from datetime import timedelta
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from sqlalchemy import select

from app import crud
from app.api.deps import ADMIN_COOKIE, AdminUser, DbSession
from app.core import security
from app.core.config import settings
from app.core.csrf import get_csrf_token, verify_csrf
from app.models import ApiClient, MessageTemplate
from app.services import clients as clients_service
from app.services import deliveries, rendering

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/admin", include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).resolve().parents[2] / "templates")

BADGE_CLASSES = {"sent": "ok", "active": "ok", "failed": "err", "revoked": "err", "pending": "warn"}

SAMPLE_DATA = {
    "recipient": {"name": "Ada Lovelace", "email": "ada@example.com"},
    "event": {"type": "order.shipped", "id": "evt_123"},
}


def status_badge(value: str) -> Markup:
    css = BADGE_CLASSES.get(value, "muted")
    return Markup('<span class="badge badge-{}">{}</span>').format(css, value)


templates.env.filters["status_badge"] = status_badge


def _render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    context.setdefault("csrf_token", get_csrf_token(request))
    return templates.TemplateResponse(request, f"admin/{name}", context, status_code=status_code)


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request) -> HTMLResponse:
    return _render(request, "login.html", error=None)


@router.post("/login", dependencies=[Depends(verify_csrf)])
async def login_submit(
    request: Request,
    session: DbSession,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
):
    user = await crud.authenticate(session, email=email, password=password)
    if user is None or not user.is_superuser:
        return _render(request, "login.html", status_code=400, error="Invalid email or password")
    token = security.create_access_token(user.id, expires_delta=timedelta(minutes=settings.ADMIN_SESSION_MINUTES))
    response = RedirectResponse("/admin/", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        ADMIN_COOKIE,
        token,
        max_age=settings.ADMIN_SESSION_MINUTES * 60,
        path="/admin",
        secure=True,
        httponly=True,
        samesite="lax",
    )
    logger.info("admin login: %s", user.email)
    return response


@router.post("/logout", dependencies=[Depends(verify_csrf)])
async def logout() -> RedirectResponse:
    response = RedirectResponse("/admin/login", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(ADMIN_COOKIE, path="/admin")
    return response


@router.get("/", response_class=HTMLResponse)
async def dashboard(request: Request, session: DbSession, admin: AdminUser) -> HTMLResponse:
    counts = await deliveries.status_counts(session)
    failures = await deliveries.recent_failures(session, limit=200)
    # A handful of recent failures to eyeball; the full list lives on /admin/deliveries.
    spotlight = random.sample(failures, k=min(5, len(failures)))
    return _render(request, "dashboard.html", admin=admin, counts=counts, spotlight=spotlight)


@router.get("/users", response_class=HTMLResponse)
async def users_page(request: Request, session: DbSession, admin: AdminUser, q: str = "") -> HTMLResponse:
    rows = await crud.search_users(session, q) if q else []
    return _render(request, "users.html", admin=admin, q=q, rows=rows)


@router.get("/clients", response_class=HTMLResponse)
async def clients_page(request: Request, session: DbSession, admin: AdminUser, q: str = "") -> HTMLResponse:
    stmt = select(ApiClient).order_by(ApiClient.created_at.desc()).limit(100)
    if q:
        stmt = stmt.where(ApiClient.name.ilike(f"%{q}%"))
    clients = (await session.scalars(stmt)).all()
    return _render(request, "clients.html", admin=admin, q=q, clients=clients)


@router.post("/clients/{client_id}/revoke")
async def revoke_client(client_id: int, session: DbSession, admin: AdminUser) -> RedirectResponse:
    client = await session.get(ApiClient, client_id)
    if client is None:
        raise HTTPException(status_code=404, detail="Client not found")
    await clients_service.revoke(session, client)
    logger.info("admin %s revoked API client %s", admin.email, client_id)
    return RedirectResponse("/admin/clients", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/templates/{template_id}", response_class=HTMLResponse)
async def edit_template(request: Request, template_id: int, session: DbSession, admin: AdminUser) -> HTMLResponse:
    tpl = await session.get(MessageTemplate, template_id)
    if tpl is None:
        raise HTTPException(status_code=404, detail="Template not found")
    preview_html, render_error = None, None
    try:
        preview_html = rendering.render_message(tpl, SAMPLE_DATA).body
    except rendering.RenderError as exc:
        render_error = str(exc)
    return _render(
        request, "template_edit.html", admin=admin, tpl=tpl, preview_html=preview_html, render_error=render_error
    )


@router.post("/templates/{template_id}", dependencies=[Depends(verify_csrf)])
async def update_template(
    template_id: int,
    session: DbSession,
    admin: AdminUser,
    subject: Annotated[str, Form()] = "",
    body: Annotated[str, Form()] = "",
) -> RedirectResponse:
    tpl = await session.get(MessageTemplate, template_id)
    if tpl is None:
        raise HTTPException(status_code=404, detail="Template not found")
    tpl.subject = subject or None
    tpl.body = body
    await session.commit()
    logger.info("admin %s edited template %s", admin.email, template_id)
    return RedirectResponse(f"/admin/templates/{template_id}", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/deliveries", response_class=HTMLResponse)
async def deliveries_page(
    request: Request,
    session: DbSession,
    admin: AdminUser,
    sort: str = "created_at",
    order: str = "desc",
) -> HTMLResponse:
    rows = await deliveries.admin_listing(session, sort_by=sort, direction=order)
    return _render(request, "deliveries.html", admin=admin, rows=rows, sort=sort, order=order)
