"""Synchroniser-token CSRF protection for the HTML forms.

The token lives in the session; forms send it back as ``csrf_token`` and
fetch()/htmx calls as the ``X-CSRF-Token`` header.
"""
import hmac
import secrets
from urllib.parse import parse_qs

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Match, Mount

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
SESSION_KEY = "_csrf"
FORM_FIELD = "csrf_token"
HEADER = "x-csrf-token"

# The JSON API authenticates with bearer tokens, not the form session.
EXEMPT_PREFIXES = ("/api/",)


def csrf_exempt(endpoint):
    endpoint.csrf_exempt = True
    return endpoint


def get_token(request: Request) -> str:
    token = request.session.get(SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[SESSION_KEY] = token
    return token


def csrf_input(request: Request) -> Markup:
    return Markup(f'<input type="hidden" name="{FORM_FIELD}" value="{get_token(request)}">')


def _endpoint_for(routes, scope):
    for route in routes:
        match, child_scope = route.matches(scope)
        if match != Match.FULL:
            continue
        if isinstance(route, Mount):
            return _endpoint_for(route.routes, {**scope, **child_scope})
        endpoint = getattr(route, "endpoint", None)
        if endpoint is None:
            return None
        method_handler = getattr(endpoint, scope["method"].lower(), None)
        return method_handler or endpoint
    return None


class CSRFMiddleware:
    def __init__(self, app, routes=None):
        self.app = app
        self.routes = routes or []

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return

        if scope["path"].startswith(EXEMPT_PREFIXES):
            await self.app(scope, receive, send)
            return

        endpoint = _endpoint_for(self.routes, scope)
        if endpoint is not None and getattr(endpoint, "csrf_exempt", False):
            await self.app(scope, receive, send)
            return

        body = b""
        more_body = True
        while more_body:
            message = await receive()
            body += message.get("body", b"")
            more_body = message.get("more_body", False)

        request = Request(scope)
        expected = request.session.get(SESSION_KEY, "")
        sent = request.headers.get(HEADER, "")
        if not sent and request.headers.get("content-type", "").startswith(
            "application/x-www-form-urlencoded"
        ):
            sent = parse_qs(body.decode("latin-1")).get(FORM_FIELD, [""])[0]

        if not expected or not sent or not hmac.compare_digest(expected, sent):
            response = PlainTextResponse("CSRF token missing or incorrect.", status_code=403)
            await response(scope, receive, send)
            return

        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
