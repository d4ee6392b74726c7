import hmac
import secrets

from fastapi import Form, Header, HTTPException, Request, Response, status

from app.core.config import settings

CSRF_MAX_AGE = 60 * 60 * 8


def csrf_token_for(request: Request) -> str:
    """Reuse the current cookie value so several open tabs keep working."""
    return request.cookies.get(settings.csrf_cookie_name) or secrets.token_urlsafe(32)


def set_csrf_cookie(response: Response, token: str) -> None:
    response.set_cookie(
        settings.csrf_cookie_name,
        token,
        max_age=CSRF_MAX_AGE,
        path="/",
        secure=True,
        httponly=True,
        samesite="strict",
    )


async def verify_csrf(
    request: Request,
    csrf_token: str | None = Form(default=None),
    x_csrf_token: str | None = Header(default=None),
) -> None:
    """Double-submit check for the cookie-authenticated dashboard forms."""
    cookie_value = request.cookies.get(settings.csrf_cookie_name)
    submitted = csrf_token or x_csrf_token
    if not cookie_value or not submitted or not hmac.compare_digest(cookie_value, submitted):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="CSRF check failed")
