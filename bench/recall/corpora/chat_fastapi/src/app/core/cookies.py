from fastapi import Response

from app.core.config import settings

REFRESH_COOKIE_PATH = f"{settings.API_PREFIX}/auth"
REFRESH_MAX_AGE = 60 * 60 * 24 * 30


def set_refresh_cookie(response: Response, token: str) -> None:
    response.set_cookie(
        key=settings.REFRESH_TOKEN_COOKIE,
        value=token,
        max_age=REFRESH_MAX_AGE,
        path=REFRESH_COOKIE_PATH,
        domain=settings.COOKIE_DOMAIN,
        secure=settings.COOKIE_SECURE,
        httponly=True,
        samesite="strict",
    )


def set_access_cookie(response: Response, token: str) -> None:
    response.set_cookie(
        key=settings.ACCESS_TOKEN_COOKIE,
        value=token,
        max_age=settings.ACCESS_TOKEN_EXPIRE_MINUTES * 60,
        path="/",
        domain=settings.COOKIE_DOMAIN,
        secure=settings.COOKIE_SECURE,
        httponly=True,
        samesite="lax",
    )


def set_csrf_cookie(response: Response, token: str) -> None:
    # Read by the web client and echoed back in X-CSRF-Token, so not httponly.
    response.set_cookie(
        key=settings.CSRF_COOKIE,
        value=token,
        path="/",
        domain=settings.COOKIE_DOMAIN,
        secure=settings.COOKIE_SECURE,
        samesite="lax",
    )


def clear_auth_cookies(response: Response) -> None:
    response.delete_cookie(settings.REFRESH_TOKEN_COOKIE, path=REFRESH_COOKIE_PATH, domain=settings.COOKIE_DOMAIN)
    response.delete_cookie(settings.ACCESS_TOKEN_COOKIE, path="/", domain=settings.COOKIE_DOMAIN)
    response.delete_cookie(settings.CSRF_COOKIE, path="/", domain=settings.COOKIE_DOMAIN)
