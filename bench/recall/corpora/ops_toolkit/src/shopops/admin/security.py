"""Session, CSRF and API-key helpers for the admin app."""
from __future__ import annotations

import hmac
import os
import secrets

from starlette.exceptions import HTTPException
from starlette.requests import Request

from ..services.jwt_auth import TokenError, decode_access_token

CSRF_SESSION_KEY = "_csrf"
CSRF_FIELD = "csrf_token"


def csrf_token(request: Request) -> str:
    token = request.session.get(CSRF_SESSION_KEY)
    if token is None:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_SESSION_KEY] = token
    return token


def verify_csrf(request: Request, form) -> None:
    expected = request.session.get(CSRF_SESSION_KEY, "")
    submitted = form.get(CSRF_FIELD, "")
    if not expected or not hmac.compare_digest(expected, submitted):
        raise HTTPException(status_code=403, detail="CSRF token missing or invalid")


def current_staff(request: Request) -> dict:
    staff = request.session.get("staff")
    if not staff:
        raise HTTPException(status_code=303, headers={"Location": "/login"})
    return staff


def require_metrics_key(request: Request) -> None:
    """Prometheus scraper authenticates with a static key from the environment."""
    configured = os.environ.get("SHOPOPS_METRICS_KEY", "")
    presented = request.headers.get("x-metrics-key", "")
    if not configured or not hmac.compare_digest(presented.encode(), configured.encode()):
        raise HTTPException(status_code=401)


def bearer_claims(request: Request) -> dict:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(status_code=401)
    try:
        return decode_access_token(token)
    except TokenError:
        raise HTTPException(status_code=401)
