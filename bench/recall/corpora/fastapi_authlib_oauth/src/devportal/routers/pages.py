"""Server-rendered pages: dashboard, key management, usage and shared reports."""

import html
from typing import Annotated

import structlog
from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from devportal.config import get_settings
from devportal.deps import CurrentOrg, CurrentUser, SessionDep
from devportal.limiter import limiter
from devportal.repositories import api_keys as api_keys_repo
from devportal.schemas import AVAILABLE_SCOPES
from devportal.security.csrf import csrf_protect
from devportal.services import alerts as alerts_service
from devportal.services import invites as invites_service
from devportal.services import keys as keys_service
from devportal.services import reports as reports_service
from devportal.services import snippets
from devportal.services import usage as usage_service
from devportal.templating import templates

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
log = structlog.get_logger(__name__)


@router.get("/")
async def index() -> Response:
    return RedirectResponse("/dashboard", status_code=303)


@router.get("/dashboard", response_class=HTMLResponse)
async def dashboard(request: Request, user: CurrentUser, org: CurrentOrg, session: SessionDep, invite: str = "") -> Response:
    keys = await api_keys_repo.list_for_org(session, org.id)
    series = await usage_service.daily_series(session, org.id, days=14)
    invites = await invites_service.pending_for(session, user.email)
    if invite and (linked := await invites_service.get_open(session, invite)) and linked not in invites:
        invites.insert(0, linked)
    membership = next(m for m in user.memberships if m.org_id == org.id)
    context = {
        "user": user,
        "org": org,
        "is_owner": membership.role == "owner",
        "keys": keys,
        "invites": invites,
        "requests_14d": sum(p.requests for p in series),
        "sparkline": usage_service.render_sparkline([p.requests for p in series]),
    }
    return templates.TemplateResponse(request, "dashboard.html", context)


# --- API keys -------------------------------------------------------------------------------


async def _keys_page(request: Request, user, org, session, *, new_key=None, status_code: int = 200) -> Response:
    keys = await api_keys_repo.list_for_org(session, org.id, include_revoked=True)
    context = {"user": user, "org": org, "keys": keys, "new_key": new_key, "languages": snippets.LANGUAGES}
    return templates.TemplateResponse(request, "keys.html", context, status_code=status_code)


@router.get("/keys", response_class=HTMLResponse)
async def keys_page(request: Request, user: CurrentUser, org: CurrentOrg, session: SessionDep) -> Response:
    return await _keys_page(request, user, org, session)


@router.post("/keys", response_class=HTMLResponse)
async def create_key(
    request: Request,
    user: CurrentUser,
    org: CurrentOrg,
    session: SessionDep,
    label: Annotated[str, Form(min_length=1, max_length=100)],
    description: Annotated[str, Form(max_length=2000)] = "",
    scopes: Annotated[list[str] | None, Form()] = None,
) -> Response:
    chosen = [s for s in scopes or [] if s in AVAILABLE_SCOPES] or ["usage:read"]
    created = await keys_service.issue_key(
        session, org_id=org.id, created_by=user.id, label=label, description=description, scopes=chosen
    )
    return await _keys_page(request, user, org, session, new_key=created, status_code=status.HTTP_201_CREATED)


@router.post("/keys/{key_id}/revoke")
async def revoke_key(key_id: int, user: CurrentUser, org: CurrentOrg, session: SessionDep) -> Response:
    await keys_service.revoke_key(session, org.id, key_id, actor=f"user:{user.id}")
    return RedirectResponse("/keys", status_code=303)


@router.get("/keys/{key_id}/revoke")
async def revoke_key_from_email(key_id: int, user: CurrentUser, org: CurrentOrg, session: SessionDep) -> Response:
    """Target of the "Was this you? Revoke this key" link in new-location notification e-mails."""
    revoked = await keys_service.revoke_key(session, org.id, key_id, actor=f"user:{user.id}:email")
    return RedirectResponse(f"/keys?revoked={int(revoked)}", status_code=303)


@router.get("/keys/check-label", response_class=HTMLResponse)
async def check_label(org: CurrentOrg, session: SessionDep, label: str = "") -> Response:
    """htmx validation fragment for the new-key form."""
    if not label.strip():
        return HTMLResponse("")
    taken = await api_keys_repo.label_exists(session, org.id, label)
    state, message = ("error", "is already used by an active key") if taken else ("ok", "is available")
    return HTMLResponse(f'<p class="field-{state}">"{label}" {message}.</p>')


@router.get("/keys/preview-description", response_class=HTMLResponse)
async def preview_description(org: CurrentOrg, description: str = "") -> Response:
    """htmx live preview of a key description."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in description.splitlines() if line.strip())
    return HTMLResponse(f'<div class="preview">{paragraphs}</div>')


@router.get("/keys/{key_id}/snippet/{language}", response_class=PlainTextResponse)
async def key_snippet(key_id: int, language: str, org: CurrentOrg, session: SessionDep) -> Response:
    key = await api_keys_repo.get_for_org(session, org.id, key_id)
    if key is None or language not in snippets.LANGUAGES:
        raise HTTPException(status.HTTP_404_NOT_FOUND)
    body = snippets.render_snippet(language, base_url=get_settings().base_url, key_prefix=key.prefix)
    return PlainTextResponse(body)


# --- usage, alerts and shared reports ---------------------------------------------------------


async def _usage_page(request: Request, user, org, session, *, new_hook=None, error=None, shared=None) -> Response:
    hooks = await alerts_service.hooks_for(session, org.id)
    context = {"user": user, "org": org, "hooks": hooks, "new_hook": new_hook, "error": error, "shared": shared}
    return templates.TemplateResponse(request, "usage.html", context, status_code=400 if error else 200)


@router.get("/usage", response_class=HTMLResponse)
async def usage_page(request: Request, user: CurrentUser, org: CurrentOrg, session: SessionDep, shared: str = "") -> Response:
    report = await reports_service.get_active(session, shared) if shared else None
    return await _usage_page(request, user, org, session, shared=report if report and report.org_id == org.id else None)


@router.post("/usage/alerts", response_class=HTMLResponse)
async def create_alert(
    request: Request,
    user: CurrentUser,
    org: CurrentOrg,
    session: SessionDep,
    url: Annotated[str, Form(max_length=500)],
    threshold: Annotated[int, Form()],
) -> Response:
    try:
        hook = await alerts_service.create_hook(session, org.id, url.strip(), threshold)
    except ValueError as exc:
        return await _usage_page(request, user, org, session, error=str(exc))
    return await _usage_page(request, user, org, session, new_hook=hook)


@router.post("/usage/share")
async def share_usage(
    user: CurrentUser,
    org: CurrentOrg,
    session: SessionDep,
    days: Annotated[int, Form(ge=1, le=90)] = 30,
    password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    report = await reports_service.create_share(session, org.id, user.id, days, password or None)
    log.info("report.shared", org_id=org.id, report_id=report.id, protected=bool(password))
    return RedirectResponse(f"/usage?shared={report.slug}", status_code=303)


@router.get("/r/{slug}", response_class=HTMLResponse)
async def shared_report(request: Request, slug: str, session: SessionDep) -> Response:
    report = await reports_service.get_active(session, slug)
    if report is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND)
    if report.password_hash and not request.session.get(f"share:{slug}"):
        return templates.TemplateResponse(request, "report.html", {"report": report, "locked": True})
    rows = await usage_service.endpoint_breakdown(session, report.org_id, days=report.days)
    return templates.TemplateResponse(request, "report.html", {"report": report, "locked": False, "rows": rows})


@router.post("/r/{slug}", response_class=HTMLResponse)
@limiter.limit("10/minute")
async def unlock_report(request: Request, slug: str, session: SessionDep, password: Annotated[str, Form()]) -> Response:
    report = await reports_service.get_active(session, slug)
    if report is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND)
    if not reports_service.unlock(report, password):
        context = {"report": report, "locked": True, "error": "That password is not correct."}
        return templates.TemplateResponse(request, "report.html", context, status_code=403)
    request.session[f"share:{slug}"] = True
    return RedirectResponse(f"/r/{slug}", status_code=303)
