"""Double-submit CSRF protection for the cookie-authenticated site.

The token lives in a cookie that page JavaScript can read; forms send it back
in a hidden ``csrf_token`` field, fetch() calls in the ``X-CSRF-Token`` header.
The middleware is attached to the ``site`` blueprint group.
"""
from __future__ import annotations

import hmac
import secrets

from sanic import Request
from sanic.exceptions import Forbidden
from sanic.response import HTTPResponse

CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def csrf_exempt(handler):
    """Mark a handler (or an HTTPMethodView via ``decorators``) as not needing a token."""
    handler.__csrf_exempt__ = True
    return handler


def _is_exempt(request: Request) -> bool:
    route = request.route
    if route is None:
        return False
    handler = route.handler
    return bool(getattr(handler, "__csrf_exempt__", False))


def _submitted_token(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.content_type or ""
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return request.form.get(CSRF_FIELD)
    return None


async def csrf_request_middleware(request: Request) -> None:
    cookie_name = request.app.config.CSRF_COOKIE
    existing = request.cookies.get(cookie_name)
    request.ctx.csrf_token = existing or secrets.token_urlsafe(32)
    request.ctx.csrf_new = existing is None

    if request.method not in UNSAFE_METHODS or _is_exempt(request):
        return
    # API clients using a bearer token can't be driven by a third-party page
    if getattr(request.ctx, "auth_method", None) == "bearer":
        return

    submitted = _submitted_token(request)
    if not existing or not submitted or not hmac.compare_digest(existing, submitted):
        raise Forbidden("CSRF token missing or invalid. Reload the page and try again.")


async def csrf_response_middleware(request: Request, response: HTTPResponse) -> None:
    if not getattr(request.ctx, "csrf_new", False):
        return
    response.add_cookie(
        request.app.config.CSRF_COOKIE,
        request.ctx.csrf_token,
        httponly=False,
        secure=request.app.config.SESSION_COOKIE_SECURE,
        samesite="Strict",
        max_age=request.app.config.SESSION_MAX_AGE,
    )
