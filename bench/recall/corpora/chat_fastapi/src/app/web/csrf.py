"""CSRF tokens for the admin HTML forms (cookie + hidden field)."""
import hmac

from fastapi import HTTPException, Request, Response, status

from app.core.config import settings
from app.services.codes import csrf_token

ADMIN_CSRF_COOKIE = "huddle_admin_csrf"
FIELD_NAME = "csrf_token"


def get_or_create_token(request: Request) -> str:
    return request.cookies.get(ADMIN_CSRF_COOKIE) or csrf_token()


def attach_csrf_cookie(response: Response, token: str) -> None:
    response.set_cookie(
        ADMIN_CSRF_COOKIE,
        token,
        path="/admin",
        secure=settings.COOKIE_SECURE,
        httponly=True,
        samesite="strict",
    )


def check_csrf(request: Request, submitted: str | None) -> None:
    expected = request.cookies.get(ADMIN_CSRF_COOKIE)
    if not expected or not submitted or not hmac.compare_digest(expected, submitted):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="CSRF token missing or invalid")
