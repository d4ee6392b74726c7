"""Account settings."""

import structlog
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from devportal.deps import CurrentUser, SessionDep
from devportal.repositories import users as users_repo
from devportal.templating import templates

router = APIRouter(prefix="/account", include_in_schema=False)
log = structlog.get_logger(__name__)


@router.get("", response_class=HTMLResponse)
async def account_page(request: Request, user: CurrentUser) -> Response:
    return templates.TemplateResponse(request, "account.html", {"user": user})


@router.post("/delete")
async def delete_account(request: Request, user: CurrentUser, session: SessionDep) -> Response:
    user_id = user.id
    await users_repo.delete_user(session, user)
    log.info("account.deleted", user_id=user_id)
    request.session.clear()
    response = RedirectResponse("/login?error=deleted", status_code=303)
    response.delete_cookie("dp_access")
    return response
