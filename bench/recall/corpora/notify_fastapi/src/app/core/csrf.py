"""Synchroniser-token CSRF protection for the HTML admin pages."""
import hmac
import secrets

from fastapi import HTTPException, Request, status

SESSION_KEY = "csrf_token"
FORM_FIELD = "csrf_token"


def get_csrf_token(request: Request) -> str:
    token = request.session.get(SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = token
    return token


async def verify_csrf(request: Request) -> None:
    form = await request.form()
    sent = str(form.get(FORM_FIELD, ""))
    expected = request.session.get(SESSION_KEY, "")
    if not expected or not hmac.compare_digest(sent, expected):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="CSRF token missing or invalid")
