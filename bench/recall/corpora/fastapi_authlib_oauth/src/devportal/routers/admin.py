"""Back office for support staff."""

from datetime import UTC, datetime
from typing import Annotated

import structlog
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from devportal.db import enqueue
from devportal.deps import CurrentStaff, SessionDep
from devportal.limiter import limiter
from devportal.repositories import users as users_repo
from devportal.security.csrf import csrf_protect
from devportal.security.passwords import verify_password
from devportal.templating import templates

router = APIRouter(prefix="/admin", dependencies=[Depends(csrf_protect)], include_in_schema=False)
log = structlog.get_logger(__name__)


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request) -> Response:
    return templates.TemplateResponse(request, "admin_login.html", {})


@router.post("/login", response_class=HTMLResponse)
@limiter.limit("5/minute")
async def login(
    request: Request,
    session: SessionDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
) -> Response:
    staff = await users_repo.get_staff_by_username(session, username)
    if staff is None or not verify_password(password, staff.password_hash, staff.password_salt):
        log.warning("admin.login_failed", username=username)
        context = {"error": "Unknown user name or wrong password."}
        return templates.TemplateResponse(request, "admin_login.html", context, status_code=401)
    staff.last_login_at = datetime.now(UTC)
    await session.commit()
    request.session.clear()
    request.session["staff_id"] = staff.id
    log.info("admin.login", staff_id=staff.id)
    return RedirectResponse("/admin/users", status_code=303)


@router.get("/users", response_class=HTMLResponse)
async def users(request: Request, staff: CurrentStaff, session: SessionDep, q: str = "", queued: str = "") -> Response:
    found = await users_repo.search_users(session, q) if q else await users_repo.recent_users(session)
    context = {"staff": staff, "users": found, "q": q, "queued": queued}
    return templates.TemplateResponse(request, "admin_users.html", context)


@router.post("/usage/reaggregate")
async def reaggregate(staff: CurrentStaff, day: Annotated[str, Form(max_length=32)]) -> Response:
    """Re-run the daily roll-up for one day, e.g. after the gateway backfilled late events."""
    await enqueue("aggregate_usage", day.strip())
    log.info("admin.reaggregate_queued", staff_id=staff.id, day=day)
    return RedirectResponse("/admin/users?queued=1", status_code=303)
