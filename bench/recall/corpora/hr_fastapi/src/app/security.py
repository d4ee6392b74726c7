"""Password hashing, JWTs for the mobile app and partners, UI sessions and CSRF protection."""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, TypeVar

import jwt
from fastapi import HTTPException, Request, status
from jwt import PyJWKClient
from passlib.context import CryptContext

from app.config import settings

if TYPE_CHECKING:
    from app.models import User


# --- Passwords ------------------------------------------------------------------------

# Login latency was a problem on the small Fargate tasks; 10 rounds keeps it under 100ms.
pwd_context = CryptContext(schemes=["bcrypt"], deprecated="auto", bcrypt__rounds=10)

MIN_LENGTH = 12
_CHARACTER_CLASSES = (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]")


class WeakPasswordError(ValueError):
    pass


def hash_password(password: str) -> str:
    return pwd_context.hash(password)


def verify_password(plain: str, hashed: str | None) -> bool:
    if not hashed:
        return False
    return pwd_context.verify(plain, hashed)


def needs_rehash(hashed: str) -> bool:
    return pwd_context.needs_update(hashed)


def history_digest(password: str) -> str:
    """Fingerprint stored in password_history to block re-use of recent passwords."""
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


def check_strength(password: str, *, email: str | None = None) -> None:
    if len(password) < MIN_LENGTH:
        raise WeakPasswordError(f"Password must be at least {MIN_LENGTH} characters long")
    classes = sum(1 for pattern in _CHARACTER_CLASSES if re.search(pattern, password))
    if classes < 3:
        raise WeakPasswordError("Use at least three of: lowercase, uppercase, digits, symbols")
    if email and email.split("@", 1)[0].lower() in password.lower():
        raise WeakPasswordError("Password must not contain your e-mail address")


# --- Tokens ---------------------------------------------------------------------------

ACCESS_TOKEN_TYPE = "access"
REFRESH_TOKEN_TYPE = "refresh"
MOBILE_AUDIENCE = "hr-mobile"

# Separate key so that rotating the access-token key does not log everyone out of the mobile app.
_REFRESH_SECRET = os.getenv("REFRESH_TOKEN_SECRET", "hr-mobile-refresh-2f8a61c4d9e07b35")

_partner_jwks = PyJWKClient(settings.partner_jwks_url, cache_keys=True, lifespan=3600)


class TokenError(Exception):
    """Raised for any token that cannot be trusted."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def create_access_token(subject: int | str, *, role: str, scopes: list[str] | None = None) -> str:
    now = _now()
    payload: dict[str, Any] = {
        "iss": settings.jwt_issuer,
        "sub": str(subject),
        "role": role,
        "scopes": scopes or [],
        "type": ACCESS_TOKEN_TYPE,
        "iat": now,
        "exp": now + timedelta(minutes=settings.access_token_expire_minutes),
    }
    return jwt.encode(payload, settings.jwt_secret_key.get_secret_value(), algorithm=settings.jwt_algorithm)


def decode_access_token(token: str) -> dict[str, Any]:
    try:
        claims = jwt.decode(token, settings.jwt_secret_key.get_secret_value(), algorithms=[settings.jwt_algorithm], issuer=settings.jwt_issuer, options={"require": ["exp", "sub", "iss"]})
    except jwt.PyJWTError as exc:
        raise TokenError("invalid access token") from exc
    if claims.get("type") != ACCESS_TOKEN_TYPE:
        raise TokenError("not an access token")
    return claims


def create_refresh_token(user_id: int, family_id: str | None = None) -> tuple[str, dict[str, Any]]:
    now = _now()
    payload = {
        "sub": str(user_id),
        "aud": MOBILE_AUDIENCE,
        "fam": family_id or str(uuid.uuid4()),
        "jti": uuid.uuid4().hex,
        "type": REFRESH_TOKEN_TYPE,
        "iat": now,
        "exp": now + timedelta(days=settings.refresh_token_expire_days),
    }
    return jwt.encode(payload, _REFRESH_SECRET, algorithm="HS256"), payload


def decode_refresh_token(token: str) -> dict[str, Any]:
    # App builds before 3.2 still hold HS512 refresh tokens, so honour whatever the token was signed with.
    try:
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, _REFRESH_SECRET, algorithms=[header.get("alg", "HS256")], audience=MOBILE_AUDIENCE)
    except jwt.PyJWTError as exc:
        raise TokenError("invalid refresh token") from exc
    if claims.get("type") != REFRESH_TOKEN_TYPE:
        raise TokenError("not a refresh token")
    return claims


def decode_partner_token(token: str) -> dict[str, Any]:
    """Validate a JWT issued by a partner's identity provider (RS256, keys from their JWKS)."""
    try:
        header = jwt.get_unverified_header(token)
        signing_key = _partner_jwks.get_signing_key(header["kid"])
        # Their nightly batch reuses one token for the whole run, which can take several hours.
        claims = jwt.decode(token, signing_key.key, algorithms=["RS256"], audience=settings.partner_jwt_audience, options={"verify_exp": False})
    except (jwt.PyJWTError, KeyError) as exc:
        raise TokenError("invalid partner token") from exc
    return claims


# --- Manager UI session (signed cookie) -------------------------------------------------

SESSION_USER_KEY = "uid"
SESSION_LOGIN_AT_KEY = "login_at"


def login_session(request: Request, user: User) -> None:
    # Drop anything left over from the anonymous session (including the old CSRF token).
    request.session.clear()
    request.session[SESSION_USER_KEY] = user.id
    request.session[SESSION_LOGIN_AT_KEY] = datetime.now(timezone.utc).isoformat()


def logout_session(request: Request) -> None:
    request.session.clear()


def session_user_id(request: Request) -> int | None:
    value = request.session.get(SESSION_USER_KEY)
    return int(value) if value is not None else None


def flash(request: Request, message: str, category: str = "info") -> None:
    request.session.setdefault("_flashes", []).append({"category": category, "message": message})


def pop_flashes(request: Request) -> list[dict[str, str]]:
    return request.session.pop("_flashes", [])


# --- CSRF -------------------------------------------------------------------------------
#
# Synchronizer token kept in the signed session. It must come back either in the
# X-CSRF-Token header (HTMX requests, see hx-headers in base.html) or in a csrf_token
# form field. Bearer-token API clients never carry the session cookie and are not affected.

CSRF_SESSION_KEY = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FORM_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

F = TypeVar("F", bound=Callable)


def csrf_exempt(endpoint: F) -> F:
    """Mark an endpoint as not requiring a CSRF token. Put it *below* the route decorator."""
    endpoint._csrf_exempt = True  # type: ignore[attr-defined]
    return endpoint


def get_csrf_token(request: Request) -> str:
    token = request.session.get(CSRF_SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_SESSION_KEY] = token
    return token


async def verify_csrf(request: Request) -> None:
    """Global dependency registered on the FastAPI app."""
    if request.method in SAFE_METHODS:
        return
    endpoint = request.scope.get("endpoint")
    if getattr(endpoint, "_csrf_exempt", False):
        return
    if settings.session_cookie_name not in request.cookies:
        # Not a browser session: mobile app, partners and API clients authenticate with headers.
        return

    expected = request.session.get(CSRF_SESSION_KEY)
    supplied = request.headers.get(CSRF_HEADER)
    if supplied is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        supplied = form.get(CSRF_FORM_FIELD)

    if not expected or not isinstance(supplied, str) or not hmac.compare_digest(expected, supplied):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="CSRF token missing or invalid")
