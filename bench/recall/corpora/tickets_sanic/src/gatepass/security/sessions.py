"""Signed-cookie sessions and view guards."""
from __future__ import annotations

from functools import wraps
from typing import Any
from urllib.parse import quote, urlsplit

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sanic.exceptions import Forbidden, Unauthorized
from sanic.response import HTTPResponse, redirect

from gatepass.security import request_from_args

SESSION_SALT = "gatepass.session"
STAFF_ROLES = frozenset({"organizer", "admin"})


def _serializer(config) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(config.SECRET_KEY, salt=SESSION_SALT)


def dump_session(user: dict[str, Any], config) -> str:
    return _serializer(config).dumps({"uid": user["id"], "sv": user["session_version"]})


def load_session(raw: str, config) -> dict[str, Any] | None:
    try:
        data = _serializer(config).loads(raw, max_age=config.SESSION_MAX_AGE)
    except SignatureExpired:
        return None
    except BadSignature:
        return None
    if not isinstance(data, dict) or "uid" not in data:
        return None
    return data


def attach_session(response: HTTPResponse, user: dict[str, Any], config) -> HTTPResponse:
    response.add_cookie(
        config.SESSION_COOKIE,
        dump_session(user, config),
        max_age=config.SESSION_MAX_AGE,
        secure=config.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
    return response


def clear_session(response: HTTPResponse, config) -> HTTPResponse:
    response.delete_cookie(config.SESSION_COOKIE)
    return response


def safe_next(target: str | None, default: str = "/tickets/") -> str:
    """Only allow same-site relative redirects after login."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def _wants_json(request) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def login_required(handler):
    @wraps(handler)
    async def wrapper(*args, **kwargs):
        request = request_from_args(args)
        if request.ctx.user is None:
            if _wants_json(request):
                raise Unauthorized("Authentication required", scheme="Bearer")
            return redirect(f"/login?next={quote(request.path)}")
        return await handler(*args, **kwargs)

    return wrapper


def staff_required(handler):
    @wraps(handler)
    async def wrapper(*args, **kwargs):
        request = request_from_args(args)
        user = request.ctx.user
        if user is None:
            return redirect(f"/login?next={quote(request.path)}")
        if user["role"] not in STAFF_ROLES:
            raise Forbidden("Staff only")
        return await handler(*args, **kwargs)

    return wrapper


def is_staff(request) -> bool:
    user = getattr(request.ctx, "user", None)
    return bool(user and user["role"] in STAFF_ROLES)
