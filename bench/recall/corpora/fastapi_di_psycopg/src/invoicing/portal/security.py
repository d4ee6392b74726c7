"""Portal session lookup and double-submit CSRF protection for portal forms."""

import hmac
import secrets

from dependency_injector.wiring import Provide, inject
from fastapi import Depends, Form, HTTPException, Request, Response, status

from invoicing.config import Settings
from invoicing.containers import Container
from invoicing.services.portal import PortalSession, PortalSessionStore

CSRF_COOKIE = "portal_csrf"
CSRF_FIELD = "csrf_token"


class LoginRequired(HTTPException):
    def __init__(self) -> None:
        super().__init__(status_code=status.HTTP_303_SEE_OTHER, headers={"Location": "/portal/login"})


@inject
async def current_session(
    request: Request,
    settings: Settings = Depends(Provide[Container.config]),
    sessions: PortalSessionStore = Depends(Provide[Container.portal_sessions]),
) -> PortalSession:
    session_id = request.cookies.get(settings.portal_cookie_name)
    if not session_id:
        raise LoginRequired()
    session = await sessions.load(session_id)
    if session is None:
        raise LoginRequired()
    return session


def csrf_token_for(request: Request) -> str:
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)


def set_csrf_cookie(response: Response, token: str) -> None:
    # Read by the portal's fetch() helpers, so it cannot be HttpOnly.
    response.set_cookie(
        CSRF_COOKIE,
        token,
        secure=True,
        httponly=False,
        samesite="strict",
        path="/portal",
    )


async def require_csrf(request: Request, csrf_token: str = Form(default="")) -> None:
    cookie_token = request.cookies.get(CSRF_COOKIE, "")
    if not cookie_token or not hmac.compare_digest(cookie_token, csrf_token):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="CSRF check failed")
