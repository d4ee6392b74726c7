"""Double-submit CSRF protection for cookie-authenticated form posts."""
import hmac
import secrets

from fastapi import HTTPException, Request, status
from starlette.responses import Response

CSRF_COOKIE_NAME = "csrftoken"
CSRF_HEADER_NAME = "x-csrf-token"
CSRF_FORM_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def set_csrf_cookie(response: Response, token: str, secure: bool = True) -> None:
    # static/js/site.js reads this cookie to send the X-CSRF-Token header with htmx and fetch().
    response.set_cookie(CSRF_COOKIE_NAME, token, secure=secure, httponly=False, samesite="strict", path="/")


async def csrf_protect(request: Request) -> None:
    """Router dependency: reject unsafe requests whose token does not match the cookie."""
    if request.method in SAFE_METHODS:
        return
    expected = request.cookies.get(CSRF_COOKIE_NAME)
    submitted = request.headers.get(CSRF_HEADER_NAME)
    if submitted is None and request.headers.get("content-type", "").startswith(_FORM_TYPES):
        form = await request.form()
        submitted = form.get(CSRF_FORM_FIELD)
    if not expected or not submitted or not hmac.compare_digest(expected, str(submitted)):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "CSRF token missing or invalid. Reload the page and try again.")
