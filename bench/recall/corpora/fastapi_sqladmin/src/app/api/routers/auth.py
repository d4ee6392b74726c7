import logging

import jwt
from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.limiter import limiter
from app.core.security import (
    create_access_token,
    create_refresh_token,
    decode_refresh_token,
    verify_password,
)
from app.db.session import get_session
from app.models import User
from app.repositories import users as users_repo
from app.schemas import PasswordResetConfirm, PasswordResetRequest, RefreshRequest, TokenPair
from app.services import password_reset

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/auth", tags=["auth"])


async def _issue_tokens(session: AsyncSession, user: User) -> TokenPair:
    access = create_access_token(user.id, user.role)
    refresh, jti = create_refresh_token(user.id)
    await users_repo.store_refresh_jti(session, user.id, jti)
    logger.debug("issued tokens for %s access=%s", user.email, access)
    return TokenPair(access_token=access, refresh_token=refresh)


@router.post("/token", response_model=TokenPair)
async def login_for_access_token(
    form_data: OAuth2PasswordRequestForm = Depends(),
    session: AsyncSession = Depends(get_session),
) -> TokenPair:
    user = await users_repo.get_by_email(session, form_data.username)
    if user is None or not verify_password(form_data.password, user.hashed_password):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect email or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    logger.info("login succeeded for user_id=%s", user.id)
    return await _issue_tokens(session, user)


@router.post("/refresh", response_model=TokenPair)
@limiter.limit("30/minute")
async def refresh_tokens(
    request: Request,
    body: RefreshRequest,
    session: AsyncSession = Depends(get_session),
) -> TokenPair:
    try:
        payload = decode_refresh_token(body.refresh_token)
    except jwt.PyJWTError:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid refresh token")
    user = await session.get(User, int(payload["sub"]))
    if user is None or user.refresh_jti != payload.get("jti"):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Refresh token revoked")
    logger.info("rotating refresh token jti=%s for user_id=%s", payload.get("jti"), user.id)
    return await _issue_tokens(session, user)


@router.post("/password-reset/request", status_code=status.HTTP_202_ACCEPTED)
async def request_password_reset(
    body: PasswordResetRequest,
    background_tasks: BackgroundTasks,
    session: AsyncSession = Depends(get_session),
) -> dict:
    await password_reset.start_reset(session, body.email, background_tasks)
    return {"detail": "If the address is registered, a code has been sent."}


@router.post("/password-reset/confirm")
@limiter.limit("5/minute")
async def confirm_password_reset(
    request: Request,
    body: PasswordResetConfirm,
    session: AsyncSession = Depends(get_session),
) -> dict:
    ok = await password_reset.confirm_reset(session, body.email, body.code, body.new_password)
    if not ok:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Invalid or expired code")
    return {"detail": "Password updated"}
