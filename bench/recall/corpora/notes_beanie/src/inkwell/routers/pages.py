"""Server-rendered pages: cookie login and the public share view."""
from __future__ import annotations

import logging
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Form, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse

from inkwell.config import settings
from inkwell.deps import PageUser, limiter
from inkwell.exceptions import AppError
from inkwell.models import Note, User
from inkwell.security.csrf import SESSION_COOKIE, unlock_cookie_name, verify_csrf
from inkwell.security.tokens import create_access_token
from inkwell.services import auth_service, note_service, share_service
from inkwell.templating import highlight_terms, render, render_markdown, search_banner

logger = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def _login_redirect(next_path: str) -> RedirectResponse:
    return RedirectResponse(f"/p/login?next={quote(next_path)}", status_code=status.HTTP_303_SEE_OTHER)


def _gone_page(token: str) -> HTMLResponse:
    body = (
        "<!doctype html><title>Link unavailable · Inkwell</title>"
        f"<main class='gone'><h1>Link unavailable</h1><p>The share link <code>{token}</code> "
        "has expired or was revoked. Ask the owner for a new one.</p></main>"
    )
    return HTMLResponse(body, status_code=status.HTTP_404_NOT_FOUND)


def _is_unlocked(request: Request, link) -> bool:
    if not link.is_protected:
        return True
    grant = request.cookies.get(unlock_cookie_name(link.token))
    return share_service.check_unlock_grant(link, grant)


# --- session ----------------------------------------------------------------------------------


@router.get("/p/login", response_class=HTMLResponse)
async def login_page(request: Request, viewer: PageUser, next: str = "/"):
    if viewer is not None:
        return RedirectResponse(_safe_next(next), status_code=status.HTTP_303_SEE_OTHER)
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/p/login", dependencies=[Depends(verify_csrf)])
async def login_submit(
    request: Request,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
):
    user = await auth_service.authenticate(email, password)
    if user is None:
        ctx = {"next": _safe_next(next), "error": "Wrong e-mail or password.", "email": email}
        return render(request, "login.html", ctx, status_code=status.HTTP_400_BAD_REQUEST)

    token, _ = create_access_token(
        str(user.id), is_admin=user.is_admin, token_version=user.token_version
    )
    response = RedirectResponse(_safe_next(next), status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=settings.session_cookie_max_age,
        httponly=True,
        samesite="lax",
    )
    return response


@router.post("/p/logout", dependencies=[Depends(verify_csrf)])
async def logout(request: Request):
    response = RedirectResponse("/p/login", status_code=status.HTTP_303_SEE_OTHER)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/p/verify", response_class=HTMLResponse)
async def verify_email_link(request: Request, token: str):
    try:
        user = await auth_service.confirm_email(token)
    except AppError as exc:
        return render(request, "login.html", {"next": "/", "error": exc.detail}, status_code=400)
    return render(
        request, "login.html", {"next": "/", "notice": "Thanks, your address is confirmed.", "email": user.email}
    )


# --- share view -------------------------------------------------------------------------------


@router.get("/s/{token}", response_class=HTMLResponse)
async def view_share(request: Request, token: str, viewer: PageUser, q: str | None = None):
    link = await share_service.find_live_link(token)
    if link is None:
        return _gone_page(token)

    if not _is_unlocked(request, link):
        return render(request, "share_password.html", {"link": link, "error": None})

    note = await Note.get(link.note_id)
    if note is None:
        return _gone_page(token)
    owner = await User.get(note.owner_id)
    await share_service.record_view(link, note, viewer)

    ctx = {
        "link": link,
        "note": note,
        "owner": owner,
        "viewer": viewer,
        "title_html": note.title,
        "note_html": render_markdown(note.body),
        "comments": await share_service.list_comments(link),
        "search_banner": None,
    }
    if q:
        q = q.strip()[:100]
        ctx["title_html"] = highlight_terms(note.title, q)
        ctx["search_banner"] = search_banner(q, note.body.lower().count(q.lower()))
    return render(request, "share_view.html", ctx)


@router.post("/s/{token}/unlock", dependencies=[Depends(verify_csrf)])
@limiter.limit("10/minute")
async def unlock_share(request: Request, token: str, password: Annotated[str, Form()]):
    link = await share_service.find_live_link(token)
    if link is None:
        return _gone_page(token)
    if not share_service.verify_share_password(link, password):
        ctx = {"link": link, "error": "That password didn't work."}
        return render(request, "share_password.html", ctx, status_code=status.HTTP_403_FORBIDDEN)

    grant = share_service.issue_unlock_grant(link, password)
    response = RedirectResponse(f"/s/{link.token}", status_code=status.HTTP_303_SEE_OTHER)
    response.set_cookie(
        unlock_cookie_name(link.token),
        grant,
        max_age=int(share_service.UNLOCK_GRANT_TTL.total_seconds()),
        path=f"/s/{link.token}",
        httponly=True,
        secure=True,
        samesite="strict",
    )
    return response


@router.post("/s/{token}/comments")
async def post_comment(
    request: Request, token: str, viewer: PageUser, body: Annotated[str, Form(max_length=4000)]
):
    if viewer is None:
        return _login_redirect(f"/s/{token}")
    link = await share_service.find_live_link(token)
    if link is None or not _is_unlocked(request, link):
        return _gone_page(token)
    await share_service.add_comment(link, viewer, body)
    return RedirectResponse(f"/s/{link.token}#comments", status_code=status.HTTP_303_SEE_OTHER)


@router.post("/s/{token}/copy", dependencies=[Depends(verify_csrf)])
async def copy_to_my_notes(request: Request, token: str, viewer: PageUser):
    if viewer is None:
        return _login_redirect(f"/s/{token}")
    link = await share_service.find_live_link(token)
    if link is None or not _is_unlocked(request, link):
        return _gone_page(token)
    note = await Note.get(link.note_id)
    if note is None:
        return _gone_page(token)
    copy = await note_service.copy_note(note, viewer)
    logger.info("user %s copied shared note %s -> %s", viewer.id, note.id, copy.id)
    return RedirectResponse(f"/app/notes/{copy.id}", status_code=status.HTTP_303_SEE_OTHER)
