"""Small server-rendered admin for org staff (cookie session, Jinja2 templates)."""
from datetime import datetime, timedelta

import structlog
from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from ..auth import sessions
from ..config import get_settings
from ..db import get_session
from ..limiter import limiter
from ..models import Organization, User, utcnow
from ..repositories import shifts as shifts_repo
from ..services import accounts
from ..services import shifts as shift_service
from ..templating import build_templates, nl2br

settings = get_settings()
log = structlog.get_logger(__name__)

router = APIRouter(prefix="/admin", include_in_schema=False)
templates = build_templates()

ADMIN_SESSION_TTL = timedelta(hours=8)


def _safe_next(target: str | None) -> str:
    if not target or not target.startswith("/admin") or target.startswith("//"):
        return "/admin/"
    return target


def _admin_user(request: Request, db: Session) -> User | None:
    sid = request.cookies.get(settings.admin_cookie_name)
    if not sid:
        return None
    user = sessions.load_user(db, sid, kind="admin")
    return user if user is not None and user.is_staff else None


def require_admin(request: Request, db: Session = Depends(get_session)) -> User:
    user = _admin_user(request, db)
    if user is None:
        raise HTTPException(status.HTTP_303_SEE_OTHER, headers={"Location": "/admin/login"})
    return user


def _render(request: Request, name: str, context: dict, status_code: int = 200) -> Response:
    token = request.cookies.get(settings.csrf_cookie_name) or sessions.new_csrf_token()
    response = templates.TemplateResponse(request, name, {**context, "csrf_token": token}, status_code=status_code)
    if request.cookies.get(settings.csrf_cookie_name) != token:
        response.set_cookie(
            settings.csrf_cookie_name,
            token,
            path="/admin",
            secure=settings.cookie_secure,
            httponly=True,
            samesite="strict",
        )
    return response


def _org_shift(db: Session, admin: User, shift_id: int):
    shift = shifts_repo.get_for_org(db, admin.org_id, shift_id)
    if shift is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Shift not found")
    return shift


# --- sign in / out ----------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/admin/") -> Response:
    return _render(request, "admin/login.html", {"next": _safe_next(next), "error": None})


@router.post("/login", dependencies=[Depends(sessions.verify_csrf)])
def login(
    request: Request,
    email: str = Form(...),
    password: str = Form(...),
    next: str = Form("/admin/"),
    db: Session = Depends(get_session),
) -> Response:
    user: User | None = None
    bootstrap_email = (settings.admin_bootstrap_email or "").lower()
    if bootstrap_email and email.strip().lower() == bootstrap_email and password == settings.admin_bootstrap_password:
        user = accounts.ensure_bootstrap_admin(db, email.strip().lower())
    else:
        candidate = accounts.authenticate(db, email, password)
        if candidate is not None and candidate.is_staff:
            user = candidate

    if user is None:
        log.info("admin.login_failed", email=email)
        context = {"next": _safe_next(next), "error": "Invalid e-mail or password."}
        return _render(request, "admin/login.html", context, status_code=401)

    sid = sessions.create_session(
        db, user, kind="admin", user_agent=request.headers.get("user-agent"), ttl=ADMIN_SESSION_TTL
    )
    response = RedirectResponse(_safe_next(next), status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        settings.admin_cookie_name,
        sid,
        max_age=int(ADMIN_SESSION_TTL.total_seconds()),
        path="/admin",
        secure=settings.cookie_secure,
        httponly=True,
        samesite="lax",
    )
    log.info("admin.login", user_id=user.id)
    return response


@router.post("/logout", dependencies=[Depends(sessions.verify_csrf)])
def logout(request: Request, db: Session = Depends(get_session)) -> Response:
    sid = request.cookies.get(settings.admin_cookie_name)
    if sid:
        sessions.revoke_session(db, sid)
    response = RedirectResponse("/admin/login", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(settings.admin_cookie_name, path="/admin")
    return response


# --- pages ------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, admin: User = Depends(require_admin), db: Session = Depends(get_session)) -> Response:
    org = db.get(Organization, admin.org_id)
    now = utcnow()
    gaps = shifts_repo.coverage_gaps(db, admin.org_id, now, now + timedelta(days=14))
    announcement_html = str(nl2br(org.announcement)) if org and org.announcement else ""
    context = {
        "admin": admin,
        "org": org,
        "gaps": gaps,
        "announcement_html": announcement_html,
        "tz": org.timezone if org else "UTC",
    }
    return _render(request, "admin/dashboard.html", context)


@router.get("/volunteers", response_class=HTMLResponse)
def volunteers(
    request: Request,
    q: str = "",
    sent: int = 0,
    admin: User = Depends(require_admin),
    db: Session = Depends(get_session),
) -> Response:
    rows = accounts.search_volunteers(db, admin.org_id, q or None, limit=100)
    return _render(request, "admin/volunteers.html", {"admin": admin, "volunteers": rows, "q": q, "sent": sent})


@router.get("/volunteers/{user_id}", response_class=HTMLResponse)
def volunteer_detail(
    request: Request,
    user_id: int,
    admin: User = Depends(require_admin),
    db: Session = Depends(get_session),
) -> Response:
    volunteer = db.get(User, user_id)
    if volunteer is None or volunteer.org_id != admin.org_id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Volunteer not found")
    signups = shifts_repo.recent_signups_for_user(db, volunteer.id)
    return _render(
        request,
        "admin/volunteer_detail.html",
        {"admin": admin, "volunteer": volunteer, "signups": signups},
    )


@router.post("/volunteers/message")
@limiter.limit("10/hour")
async def message_volunteers(request: Request, admin: User = Depends(require_admin)) -> Response:
    form = await request.form()
    user_ids = [int(v) for v in form.getlist("user_id") if str(v).isdigit()]
    subject = str(form.get("subject", "")).strip()[:150]
    body = str(form.get("body", "")).strip()
    if user_ids and subject and body:
        await request.app.state.arq.enqueue_job(
            "send_bulk_message", admin.org_id, user_ids, subject, body, admin.id
        )
        log.info("admin.bulk_message", admin_id=admin.id, recipients=len(user_ids))
    return RedirectResponse("/admin/volunteers?sent=1", status_code=status.HTTP_303_SEE_OTHER)


@router.get("/shifts/{shift_id}", response_class=HTMLResponse)
def shift_edit(
    request: Request,
    shift_id: int,
    saved: int = 0,
    admin: User = Depends(require_admin),
    db: Session = Depends(get_session),
) -> Response:
    shift = _org_shift(db, admin, shift_id)
    signups = shifts_repo.signups_for_shift(db, shift.id)
    return _render(
        request,
        "admin/shift_edit.html",
        {"admin": admin, "shift": shift, "signups": signups, "saved": saved, "error": None},
    )


@router.post("/shifts/{shift_id}", dependencies=[Depends(sessions.verify_csrf)])
def shift_update(
    request: Request,
    shift_id: int,
    title: str = Form(...),
    starts_at: datetime = Form(...),
    ends_at: datetime = Form(...),
    capacity: int = Form(..., ge=1, le=500),
    location: str = Form(""),
    notes: str = Form(""),
    admin: User = Depends(require_admin),
    db: Session = Depends(get_session),
) -> Response:
    shift = _org_shift(db, admin, shift_id)
    try:
        shift_service.update_shift(
            db,
            shift,
            title=title.strip(),
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=capacity,
            location=location.strip() or None,
            notes=notes,
        )
    except shift_service.ShiftError as exc:
        signups = shifts_repo.signups_for_shift(db, shift.id)
        context = {"admin": admin, "shift": shift, "signups": signups, "saved": 0, "error": str(exc)}
        return _render(request, "admin/shift_edit.html", context, status_code=400)
    return RedirectResponse(f"/admin/shifts/{shift_id}?saved=1", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/shifts/{shift_id}/cancel")
async def shift_cancel(
    request: Request,
    shift_id: int,
    admin: User = Depends(require_admin),
    db: Session = Depends(get_session),
) -> Response:
    shift = _org_shift(db, admin, shift_id)
    affected = shift_service.cancel_shift(db, shift, cancelled_by=admin.id)
    for signup in affected:
        await request.app.state.arq.enqueue_job("notify_shift_cancelled", signup.id)
    return RedirectResponse(f"/admin/shifts/{shift_id}", status_code=status.HTTP_303_SEE_OTHER)
