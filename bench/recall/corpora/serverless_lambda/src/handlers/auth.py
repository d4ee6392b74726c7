"""Guest sign-up, sign-in and session renewal."""
import logging
import re

import jwt

from tablebook.http import HTTPError, json_response
from tablebook.ratelimit import rate_limited
from tablebook.repositories import users
from tablebook.router import Router
from tablebook.services.passwords import hash_password, validate_password, verify_password
from tablebook.services.tokens import decode_for_refresh, issue_access_token
from tablebook.sessions import (SESSION_COOKIE, clear_session_cookies, new_csrf_token,
                                session_cookies)

logger = logging.getLogger(__name__)
router = Router("auth")

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)


def _signed_in(status: int, user: dict) -> dict:
    token = issue_access_token(user)
    logger.info("issued access token for user %s", user["user_id"])
    csrf = new_csrf_token()
    return json_response(status, {"user": users.public_view(user), "csrf_token": csrf},
                         cookies=session_cookies(token, csrf))


@router.post("/auth/login")
@rate_limited("login", limit=5, window_seconds=300)
def login(request):
    data = request.json()
    email = str(data.get("email", "")).strip().lower()
    password = str(data.get("password", ""))
    user = users.get_by_email(email) if email else None
    if user is None or not verify_password(password, user.get("password_hash", "")):
        raise HTTPError(401, "wrong e-mail or password")
    if user.get("disabled"):
        raise HTTPError(403, "this account is disabled")
    return _signed_in(200, user)


@router.post("/auth/register")
def register(request):
    data = request.json()
    email = str(data.get("email", "")).strip().lower()
    password = str(data.get("password", ""))
    name = str(data.get("name", "")).strip()
    if not EMAIL_RE.match(email):
        raise HTTPError(400, "enter a valid e-mail address")
    if not name:
        raise HTTPError(400, "name is required")
    problems = validate_password(password)
    if problems:
        raise HTTPError(400, "password " + "; ".join(problems))
    if users.get_by_email(email):
        raise HTTPError(409, "an account with this e-mail already exists")

    user = users.create(email=email, password_hash=hash_password(password), name=name,
                        phone=str(data.get("phone", "")).strip())
    return _signed_in(201, user)


@router.post("/auth/refresh")
def refresh(request):
    token = request.cookies.get(SESSION_COOKIE, "")
    if not token:
        raise HTTPError(401, "no session")
    try:
        claims = decode_for_refresh(token)
    except jwt.InvalidTokenError:
        raise HTTPError(401, "session is not valid")
    user = users.get(claims["sub"])
    if not user or user.get("disabled"):
        raise HTTPError(401, "session is not valid")
    return _signed_in(200, user)


@router.post("/auth/logout")
def logout(request):
    return json_response(200, {"status": "signed_out"}, cookies=clear_session_cookies())


def handler(event, context):
    return router(event, context)
