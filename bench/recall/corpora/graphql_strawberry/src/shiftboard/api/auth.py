"""Token, registration, password reset and Google sign-in routes."""
import hmac
import secrets
from datetime import timedelta

import structlog
from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request, Response, status
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel, EmailStr, Field
from sqlmodel import Session

from ..auth import oauth, sessions, tokens
from ..config import get_settings
from ..db import get_session
from ..limiter import limiter
from ..services import accounts, notifications

settings = get_settings()
log = structlog.get_logger(__name__)

router = APIRouter(prefix="/auth", tags=["auth"])

OAUTH_STATE_COOKIE = "sb_oauth_state"


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    refresh_token: str


class RefreshRequest(BaseModel):
    refresh_token: str


class RegisterRequest(BaseModel):
    invite_code: str = Field(min_length=6, max_length=32)
    display_name: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=10, max_length=256)


class PasswordResetRequest(BaseModel):
    email: EmailStr


class PasswordResetConfirm(BaseModel):
    token: str = Field(min_length=16, max_length=128)
    new_password: str = Field(min_length=10, max_length=256)


@router.post("/token", response_model=TokenResponse)
@limiter.limit("5/minute")
def issue_token(
    request: Request,
    form: OAuth2PasswordRequestForm = Depends(),
    db: Session = Depends(get_session),
) -> TokenResponse:
    user = accounts.authenticate(db, form.username, form.password)
    if user is None:
        log.info("auth.login_failed", email=form.username)
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Incorrect e-mail or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    access_token, expires_in = tokens.create_access_token(user.id, user.role, user.org_id)
    refresh_token = sessions.create_session(
        db,
        user,
        kind="refresh",
        user_agent=request.headers.get("user-agent"),
        ttl=timedelta(days=settings.refresh_token_expire_days),
    )
    bound = log.bind(user_id=user.id, org_id=user.org_id, access_token=access_token)
    bound.info("auth.token_issued", expires_in=expires_in)
    return TokenResponse(access_token=access_token, expires_in=expires_in, refresh_token=refresh_token)


@router.post("/refresh", response_model=TokenResponse)
@limiter.limit("30/minute")
def refresh(request: Request, body: RefreshRequest, db: Session = Depends(get_session)) -> TokenResponse:
    rotated = sessions.rotate_refresh_token(db, body.refresh_token, request.headers.get("user-agent"))
    if rotated is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Refresh token is invalid or expired")
    user, new_refresh = rotated
    access_token, expires_in = tokens.create_access_token(user.id, user.role, user.org_id)
    return TokenResponse(access_token=access_token, expires_in=expires_in, refresh_token=new_refresh)


@router.post("/register", status_code=status.HTTP_201_CREATED)
@limiter.limit("5/hour")
def register(request: Request, body: RegisterRequest, db: Session = Depends(get_session)) -> dict:
    try:
        user = accounts.register_from_invite(db, body.invite_code, body.display_name, body.password)
    except accounts.AccountError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from exc
    return {"id": user.id, "email": user.email}


@router.post("/password-reset", status_code=status.HTTP_202_ACCEPTED)
def request_password_reset(
    body: PasswordResetRequest,
    background: BackgroundTasks,
    db: Session = Depends(get_session),
) -> dict:
    result = accounts.start_password_reset(db, body.email)
    if result is not None:
        user, token = result
        link = f"{settings.oauth_redirect_base.rstrip('/')}/reset-password?token={token}"
        background.add_task(notifications.send_password_reset, user.email, user.display_name, link)
    # same answer either way so this can't be used to probe for accounts
    return {"detail": "If that address has an account, a reset link is on its way."}


@router.post("/password-reset/confirm")
@limiter.limit("10/hour")
def confirm_password_reset(request: Request, body: PasswordResetConfirm, db: Session = Depends(get_session)) -> dict:
    try:
        accounts.complete_password_reset(db, body.token, body.new_password)
    except accounts.AccountError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, str(exc)) from exc
    return {"detail": "Your password has been changed. You can sign in now."}


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(request: Request, db: Session = Depends(get_session)) -> Response:
    sid = request.cookies.get(settings.session_cookie_name)
    if sid:
        sessions.revoke_session(db, sid)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.delete_cookie(settings.session_cookie_name)
    return response


# --- Google sign-in ---------------------------------------------------------


@router.get("/oauth/google/start")
@limiter.limit("20/minute")
def google_start(request: Request) -> RedirectResponse:
    state = secrets.token_urlsafe(24)
    nonce = secrets.token_urlsafe(24)
    response = RedirectResponse(oauth.authorization_url(state, nonce), status_code=status.HTTP_302_FOUND)
    response.set_cookie(
        OAUTH_STATE_COOKIE,
        f"{state}.{nonce}",
        max_age=600,
        secure=settings.cookie_secure,
        httponly=True,
        samesite="lax",
    )
    return response


@router.get("/oauth/google/callback")
@limiter.limit("20/minute")
async def google_callback(
    request: Request,
    code: str | None = None,
    state: str | None = None,
    error: str | None = None,
    error_description: str | None = None,
    db: Session = Depends(get_session),
):
    if error:
        message = error_description or error
        return HTMLResponse(f"<h1>Sign-in was not completed</h1><p>{message}</p><p><a href='/'>Back</a></p>", status_code=400)

    expected_state, _, nonce = request.cookies.get(OAUTH_STATE_COOKIE, "").partition(".")
    if not code or not state or not expected_state or not hmac.compare_digest(state, expected_state):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Invalid sign-in state, please try again.")

    try:
        token_set = await oauth.exchange_code(code)
        identity = oauth.verify_id_token(token_set["id_token"], nonce)
    except oauth.OAuthError:
        log.warning("oauth.google_failed", exc_info=True)
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Google sign-in failed.") from None

    user = accounts.link_google_identity(db, identity)
    if user is None:
        return RedirectResponse(f"{settings.oauth_redirect_base}/signin?error=no_account", status_code=302)

    sid = sessions.create_session(db, user, kind="web", user_agent=request.headers.get("user-agent"))
    response = RedirectResponse(f"{settings.oauth_redirect_base.rstrip('/')}/", status_code=302)
    response.set_cookie(settings.session_cookie_name, sid, max_age=settings.session_ttl_hours * 3600, httponly=True)
    response.delete_cookie(OAUTH_STATE_COOKIE)
    log.info("auth.google_login", user_id=user.id)
    return response
