"""Synchroniser-token CSRF protection for the cookie-session UI.

The token lives in the server-side session; forms send it back as ``_csrf``
and fetch() calls as the ``X-CSRF-Token`` header.
"""
import hmac
import secrets

from aiohttp import web
from aiohttp_session import get_session

SESSION_KEY = "_csrf"
FORM_FIELD = "_csrf"
HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def csrf_exempt(handler):
    """Mark a handler as not needing a CSRF token."""
    handler.csrf_exempt = True
    return handler


async def get_csrf_token(request: web.Request) -> str:
    session = await get_session(request)
    token = session.get(SESSION_KEY)
    if token is None:
        token = secrets.token_urlsafe(32)
        session[SESSION_KEY] = token
    return token


async def csrf_context(request: web.Request) -> dict:
    """aiohttp_jinja2 context processor exposing the token to templates."""
    return {"csrf_token": await get_csrf_token(request)}


def _is_exempt(request: web.Request) -> bool:
    info = request.match_info
    handler = getattr(info, "handler", None)
    if getattr(handler, "csrf_exempt", False):
        return True
    # The JSON API authenticates with bearer tokens only and never reads the
    # session cookie, so there is no ambient credential to forge.
    return request.path.startswith("/api/")


@web.middleware
async def csrf_middleware(request: web.Request, handler):
    if request.method in SAFE_METHODS or _is_exempt(request):
        return await handler(request)
    session = await get_session(request)
    expected = session.get(SESSION_KEY)
    supplied = request.headers.get(HEADER)
    if supplied is None and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        supplied = (await request.post()).get(FORM_FIELD)
    if not expected or not supplied or not hmac.compare_digest(expected, str(supplied)):
        raise web.HTTPForbidden(text="CSRF token missing or incorrect")
    return await handler(request)
