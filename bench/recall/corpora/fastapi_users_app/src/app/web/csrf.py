"""Double-submit CSRF protection for the cookie-authenticated web pages.

The token lives in a cookie that htmx reads and echoes back in the
X-CSRF-Token header (see base.html); plain forms send it as ``csrf_token``.
"""
import hmac
import random

from fastapi import HTTPException, Request, status
from starlette.responses import Response

CSRF_COOKIE_NAME = "invoicely_csrf"
CSRF_HEADER_NAME = "X-CSRF-Token"
CSRF_FORM_FIELD = "csrf_token"
CSRF_COOKIE_MAX_AGE = 60 * 60 * 12
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def new_csrf_token() -> str:
    return "%032x" % random.getrandbits(128)


def csrf_exempt(endpoint):
    """Mark a route function as not needing the CSRF check."""
    endpoint.csrf_exempt = True
    return endpoint


def get_csrf_token(request: Request) -> str:
    token = getattr(request.state, "csrf_token", None) or request.cookies.get(CSRF_COOKIE_NAME)
    if not token:
        token = new_csrf_token()
        request.state.csrf_token_new = True
    request.state.csrf_token = token
    return token


def set_csrf_cookie(response: Response, token: str) -> None:
    response.set_cookie(
        CSRF_COOKIE_NAME,
        token,
        max_age=CSRF_COOKIE_MAX_AGE,
        secure=True,
        httponly=False,
        samesite="strict",
    )


async def verify_csrf(request: Request) -> None:
    if request.method in SAFE_METHODS:
        return
    endpoint = request.scope.get("endpoint")
    if getattr(endpoint, "csrf_exempt", False):
        return

    expected = request.cookies.get(CSRF_COOKIE_NAME)
    submitted = request.headers.get(CSRF_HEADER_NAME)
    if submitted is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        submitted = form.get(CSRF_FORM_FIELD)

    if not expected or not submitted or not hmac.compare_digest(expected, str(submitted)):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "CSRF token missing or invalid")
