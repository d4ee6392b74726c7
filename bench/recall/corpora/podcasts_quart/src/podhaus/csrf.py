"""Minimal synchronizer-token CSRF protection for the cookie-authenticated
dashboard.

Quart has no Flask-WTF equivalent that we liked, so this keeps a random token
in the signed session and expects it back in a ``csrf_token`` form field or an
``X-CSRFToken`` header on every unsafe request.
"""
from __future__ import annotations

import hmac
import secrets
from functools import wraps
from typing import Any, Callable

from quart import Quart, abort, current_app, request, session

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
SESSION_KEY = "_csrf_token"
FORM_FIELD = "csrf_token"
HEADER_NAME = "X-CSRFToken"


def generate_csrf() -> str:
    token = session.get(SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        session[SESSION_KEY] = token
    return token


def csrf_exempt(view: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a view as not needing a CSRF token."""

    @wraps(view)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        return await current_app.ensure_async(view)(*args, **kwargs)

    wrapper._csrf_exempt = True  # type: ignore[attr-defined]
    return wrapper


class CSRFProtect:
    def __init__(self, app: Quart | None = None) -> None:
        self._exempt_blueprints: set[str] = set()
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Quart) -> None:
        app.config.setdefault("CSRF_ENABLED", True)
        app.jinja_env.globals["csrf_token"] = generate_csrf
        app.before_request(self._protect)

    def exempt_blueprint(self, name: str) -> None:
        self._exempt_blueprints.add(name)

    async def _protect(self) -> None:
        if not current_app.config["CSRF_ENABLED"]:
            return
        if request.method in SAFE_METHODS:
            return
        if request.blueprint in self._exempt_blueprints:
            return
        view = current_app.view_functions.get(request.endpoint or "")
        if view is None or getattr(view, "_csrf_exempt", False):
            return

        expected = session.get(SESSION_KEY)
        if not expected:
            abort(400, description="CSRF session token missing.")

        supplied = request.headers.get(HEADER_NAME)
        if supplied is None and request.mimetype in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            form = await request.form
            supplied = form.get(FORM_FIELD)

        if not supplied or not hmac.compare_digest(supplied, expected):
            abort(400, description="CSRF token missing or incorrect.")
