"""Synchronizer-token CSRF protection for the server-rendered admin pages."""
import hmac
import secrets

from fastapi import Form, HTTPException, Request, status

_SESSION_KEY = "_csrf"


def get_csrf_token(request: Request) -> str:
    token = request.session.get(_SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[_SESSION_KEY] = token
    return token


async def require_csrf(request: Request, csrf_token: str = Form(...)) -> None:
    expected = request.session.get(_SESSION_KEY, "")
    if not expected or not hmac.compare_digest(expected, csrf_token):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "CSRF token missing or invalid")
