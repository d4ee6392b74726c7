import logging

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from app.api.deps import CurrentUser, SessionDep
from app.core.config import settings
from app.core.limiter import limiter
from app.core.security import (
    REFRESH,
    TokenError,
    create_access_token,
    create_refresh_token,
    decode_token,
)
from app.models import User
from app.schemas.auth import AcceptInvite, Me, PasswordResetRequest, RefreshRequest, TokenPair
from app.services import invites, mailer, passwords, users

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/api/auth", tags=["auth"])


def _token_pair(user: User) -> TokenPair:
    scopes = ["admin"] if user.is_superuser else []
    return TokenPair(
        access_token=create_access_token(user.id, scopes=scopes),
        refresh_token=create_refresh_token(user.id),
        expires_in=settings.access_token_expire_minutes * 60,
    )


@router.post("/token", response_model=TokenPair)
@limiter.limit("10/minute")
async def login_for_access_token(
    request: Request,
    session: SessionDep,
    form: OAuth2PasswordRequestForm = Depends(),
) -> TokenPair:
    user = await users.authenticate(session, form.username, form.password)
    if user is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect email or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    logger.info("api login for user %s", user.id)
    return _token_pair(user)


@router.post("/refresh", response_model=TokenPair)
@limiter.limit("30/minute")
async def refresh_access_token(
    request: Request, body: RefreshRequest, session: SessionDep
) -> TokenPair:
    try:
        claims = decode_token(body.refresh_token, expected_type=REFRESH)
    except TokenError:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid refresh token")
    user = await session.get(User, int(claims["sub"]))
    if user is None or not user.is_active:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid refresh token")
    pair = _token_pair(user)
    logger.info("refreshed tokens for user %s (expires_in=%ss)", user.id, pair.expires_in)
    return pair


@router.post("/password-reset", status_code=status.HTTP_202_ACCEPTED)
async def request_password_reset(
    body: PasswordResetRequest,
    request: Request,
    background_tasks: BackgroundTasks,
    session: SessionDep,
) -> dict[str, str]:
    result = await passwords.start_password_reset(session, body.email)
    if result is not None:
        user, token = result
        link = f"{request.url_for('reset_password_page')}?token={token}"
        background_tasks.add_task(mailer.send_password_reset, user.email, link)
    return {"status": "If that address has an account, a reset link is on its way."}


@router.post("/invites/{token}/accept", response_model=TokenPair)
@limiter.limit("5/minute")
async def accept_invite(
    request: Request, token: str, body: AcceptInvite, session: SessionDep
) -> TokenPair:
    invite = await invites.get_open_invite(session, token)
    if invite is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Invite not found or expired")
    user = await invites.accept_invite(session, invite, body.full_name, body.password)
    return _token_pair(user)


@router.get("/me", response_model=Me)
async def me(user: CurrentUser) -> Me:
    return Me(
        id=user.id,
        email=user.email,
        full_name=user.full_name,
        is_superuser=user.is_superuser,
    )
