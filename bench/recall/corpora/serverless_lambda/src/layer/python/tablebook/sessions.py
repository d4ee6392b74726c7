"""Browser session cookies and double-submit CSRF protection.

The web app and the booking widget authenticate with a cookie holding the
access token, so every state-changing browser route has to prove it was
sent by our own front-end.
"""
import functools
import hmac
import secrets

from .http import HTTPError, Request
from .services.tokens import ACCESS_TOKEN_TTL

SESSION_COOKIE = "tb_session"
CSRF_COOKIE = "tb_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FORM_FIELD = "csrf_token"
GUEST_COOKIE = "tb_guest"


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def session_cookies(access_token: str, csrf_token: str) -> list:
    max_age = int(ACCESS_TOKEN_TTL.total_seconds())
    return [
        f"{SESSION_COOKIE}={access_token}; Path=/; Max-Age={max_age}",
        csrf_cookie(csrf_token),
    ]


def csrf_cookie(csrf_token: str, same_site: str = "Strict") -> str:
    return f"{CSRF_COOKIE}={csrf_token}; Path=/; Secure; SameSite={same_site}"


def guest_cookie(link_token: str) -> str:
    return f"{GUEST_COOKIE}={link_token}; Path=/r; HttpOnly; Secure; SameSite=None"


def clear_session_cookies() -> list:
    return [
        f"{SESSION_COOKIE}=; Path=/; Max-Age=0",
        f"{CSRF_COOKIE}=; Path=/; Max-Age=0; Secure; SameSite=Strict",
    ]


def require_csrf(request: Request, submitted: str = None) -> None:
    expected = request.cookies.get(CSRF_COOKIE, "")
    if submitted is None:
        submitted = request.headers.get(CSRF_HEADER, "")
    if not expected or not submitted or not hmac.compare_digest(expected, submitted):
        raise HTTPError(403, "missing or invalid CSRF token", code="csrf_failed")


def csrf_protected(view):
    @functools.wraps(view)
    def wrapper(request: Request, *args, **kwargs):
        require_csrf(request)
        return view(request, *args, **kwargs)

    return wrapper


def require_user(view):
    @functools.wraps(view)
    def wrapper(request: Request, *args, **kwargs):
        if not request.user_id:
            raise HTTPError(401, "authentication required")
        return view(request, *args, **kwargs)

    return wrapper


def require_role(*roles):
    def decorator(view):
        @functools.wraps(view)
        def wrapper(request: Request, *args, **kwargs):
            if request.role not in roles:
                raise HTTPError(403, "insufficient role")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
