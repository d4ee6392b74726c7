import hmac
import random
import secrets
from pathlib import Path

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.api.deps import get_portal_account
from app.core.limiter import limiter
from app.db.session import get_session
from app.models import Lease, MaintenanceRequest, PortalAccount, Unit
from app.repositories import properties as properties_repo
from app.services import invitations, portal_accounts
from app.services.badges import lease_status_badge

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))

router = APIRouter(prefix="/portal", tags=["portal"], include_in_schema=False)

CSRF_COOKIE = "portal_csrf"
SESSION_COOKIE = "portal_session"
SESSION_MAX_AGE = 60 * 60 * 24 * 30


def issue_csrf_token() -> str:
    return secrets.token_urlsafe(32)


async def verify_csrf(request: Request, csrf_token: str = Form(...)) -> None:
    cookie_value = request.cookies.get(CSRF_COOKIE)
    if not cookie_value or not hmac.compare_digest(cookie_value, csrf_token):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="CSRF check failed")


def _render_with_csrf(request: Request, template: str, context: dict, status_code: int = 200):
    token = request.cookies.get(CSRF_COOKIE) or issue_csrf_token()
    response = templates.TemplateResponse(request, template, {**context, "csrf_token": token}, status_code=status_code)
    response.set_cookie(CSRF_COOKIE, token, secure=True, httponly=True, samesite="strict")
    return response


async def _active_lease(session: AsyncSession, tenant_id: int) -> Lease | None:
    result = await session.execute(
        select(Lease).where(Lease.tenant_id == tenant_id).order_by(Lease.start_date.desc())
    )
    return result.scalars().first()


@router.get("/login")
async def login_form(request: Request):
    return _render_with_csrf(request, "portal/login.html", {})


@router.post("/login", dependencies=[Depends(verify_csrf)])
@limiter.limit("10/minute")
async def login(
    request: Request,
    email: str = Form(...),
    password: str = Form(...),
    session: AsyncSession = Depends(get_session),
):
    account = await portal_accounts.authenticate(session, email, password)
    if account is None:
        return _render_with_csrf(
            request, "portal/login.html", {"error": "Invalid e-mail or password"}, status_code=400
        )
    response = RedirectResponse("/portal/", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(SESSION_COOKIE, portal_accounts.create_portal_session_token(account), max_age=SESSION_MAX_AGE)
    return response


@router.get("/register")
async def register_form(request: Request, token: str | None = None):
    return _render_with_csrf(request, "portal/register.html", {"token": token})


@router.post("/register", dependencies=[Depends(verify_csrf)])
async def register(
    request: Request,
    email: str = Form(...),
    password: str = Form(..., min_length=10),
    token: str | None = Form(default=None),
    invite_code: str | None = Form(default=None),
    session: AsyncSession = Depends(get_session),
):
    invitation = await invitations.resolve(session, token=token, code=invite_code)
    if invitation is None:
        return _render_with_csrf(
            request, "portal/register.html", {"error": "That invitation is not valid"}, status_code=400
        )
    await portal_accounts.register(session, invitation, email, password)
    return RedirectResponse("/portal/login", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/")
async def dashboard(
    request: Request,
    account: PortalAccount = Depends(get_portal_account),
    session: AsyncSession = Depends(get_session),
):
    lease = await _active_lease(session, account.tenant_id)
    result = await session.execute(select(Unit).where(Unit.is_listed.is_(True)).limit(12))
    featured = list(result.scalars())
    random.shuffle(featured)
    return _render_with_csrf(
        request,
        "portal/dashboard.html",
        {
            "account": account,
            "lease": lease,
            "status_badge": lease_status_badge(lease.status) if lease else None,
            "featured": featured[:4],
        },
    )


@router.get("/units/search", response_class=HTMLResponse)
async def search_units(
    q: str = Query(default="", max_length=80),
    session: AsyncSession = Depends(get_session),
):
    units = await properties_repo.search_listed_units(session, q)
    if not units:
        return HTMLResponse(f"<p class='empty'>No available units match <strong>{q}</strong>.</p>")
    rows = "".join(
        f"<li>{u.label} &middot; {u.bedrooms} bed &middot; &euro;{u.monthly_rent}</li>" for u in units
    )
    return HTMLResponse(f"<ul class='units'>{rows}</ul>")


@router.get("/maintenance/new")
async def maintenance_form(request: Request, account: PortalAccount = Depends(get_portal_account)):
    return templates.TemplateResponse(request, "portal/maintenance_new.html", {"account": account})


@router.post("/maintenance")
async def submit_maintenance(
    category: str = Form(...),
    title: str = Form(..., max_length=160),
    description: str = Form(...),
    account: PortalAccount = Depends(get_portal_account),
    session: AsyncSession = Depends(get_session),
):
    lease = await _active_lease(session, account.tenant_id)
    if lease is None:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="No active lease")
    session.add(
        MaintenanceRequest(
            tenant_id=account.tenant_id,
            unit_id=lease.unit_id,
            category=category,
            title=title,
            description=description,
        )
    )
    await session.commit()
    return RedirectResponse("/portal/", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/lease")
async def lease_page(
    request: Request,
    account: PortalAccount = Depends(get_portal_account),
    session: AsyncSession = Depends(get_session),
):
    lease = await _active_lease(session, account.tenant_id)
    return templates.TemplateResponse(request, "portal/lease.html", {"account": account, "lease": lease})


@router.post("/lease/autopay")
async def toggle_autopay(
    enabled: bool = Form(...),
    account: PortalAccount = Depends(get_portal_account),
    session: AsyncSession = Depends(get_session),
):
    lease = await _active_lease(session, account.tenant_id)
    if lease is None:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="No active lease")
    lease.autopay_enabled = enabled
    await session.commit()
    return RedirectResponse("/portal/lease", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/preferences/theme", dependencies=[Depends(verify_csrf)])
async def set_theme(
    theme: str = Form(..., pattern="^(light|dark)$"),
    account: PortalAccount = Depends(get_portal_account),
    session: AsyncSession = Depends(get_session),
):
    account.theme = theme
    await session.commit()
    response = RedirectResponse("/portal/", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie("portal_theme", theme, max_age=60 * 60 * 24 * 365)
    return response


@router.post("/logout", dependencies=[Depends(verify_csrf)])
async def logout():
    response = RedirectResponse("/portal/login", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(SESSION_COOKIE)
    return response
