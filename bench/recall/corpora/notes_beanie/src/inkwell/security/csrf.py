"""Cookie names and double-submit CSRF protection for the server-rendered pages.

The JSON API authenticates with bearer tokens; only the /p/* and /s/* HTML pages use cookies.
"""
from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request, status
from starlette.responses import Response

SESSION_COOKIE = "inkwell_session"
CSRF_COOKIE = "inkwell_csrf"
CSRF_FIELD = "csrf_token"
UNLOCK_COOKIE_PREFIX = "inkwell_unlock_"


def get_or_create_csrf_token(request: Request) -> tuple[str, bool]:
    """Return (token, is_new). A new token must be written with :func:`attach_csrf_cookie`."""
    existing = request.cookies.get(CSRF_COOKIE)
    if existing and len(existing) >= 32:
        return existing, False
    return secrets.token_urlsafe(32), True


def attach_csrf_cookie(response: Response, token: str) -> None:
    response.set_cookie(
        CSRF_COOKIE,
        token,
        max_age=60 * 60 * 12,
        httponly=True,
        secure=True,
        samesite="strict",
    )


async def verify_csrf(request: Request) -> None:
    form = await request.form()
    submitted = form.get(CSRF_FIELD)
    expected = request.cookies.get(CSRF_COOKIE)
    if not isinstance(submitted, str) or not expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Missing CSRF token")
    if not hmac.compare_digest(submitted, expected):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Invalid CSRF token")


def unlock_cookie_name(share_token: str) -> str:
    return f"{UNLOCK_COOKIE_PREFIX}{share_token[:12]}"
