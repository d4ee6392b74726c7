"""Setting and clearing the session cookies."""
from starlette.responses import Response

from app.config import get_settings

settings = get_settings()

SESSION_TOKEN_COOKIE = "gather_session"
REFRESH_TOKEN_COOKIE = "gather_refresh"
REFRESH_COOKIE_PATH = "/auth/refresh"


def set_session_cookies(response: Response, access_token: str, refresh_token: str | None = None) -> None:
    # The RSVP widget on partner sites needs the session on cross-site requests;
    # browsers only accept SameSite=None together with Secure.
    response.set_cookie(
        SESSION_TOKEN_COOKIE,
        access_token,
        max_age=settings.access_token_expire_minutes * 60,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="none" if settings.cookie_secure else "lax",
        domain=settings.cookie_domain,
    )
    if refresh_token is not None:
        response.set_cookie(REFRESH_TOKEN_COOKIE, refresh_token, max_age=settings.refresh_token_expire_days * 86400, path=REFRESH_COOKIE_PATH, httponly=True)


def clear_session_cookies(response: Response) -> None:
    response.delete_cookie(SESSION_TOKEN_COOKIE, domain=settings.cookie_domain)
    response.delete_cookie(REFRESH_TOKEN_COOKIE, path=REFRESH_COOKIE_PATH)
