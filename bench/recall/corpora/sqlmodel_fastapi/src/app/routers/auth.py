import logging
from typing import Annotated

import jwt
from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from app.core.config import settings
from app.core.limiter import limiter
from app.core.security import ACCESS_TOKEN_COOKIE
from app.deps import CurrentUser
from app.db import SessionDep
from app.repositories import users as users_repo
from app.schemas import (
    PasswordResetConfirm,
    PasswordResetRequest,
    RefreshRequest,
    RegisterRequest,
    TokenPair,
    UserRead,
)
from app.services import auth_service

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token", response_model=TokenPair)
@limiter.limit("5/minute")
async def login(
    request: Request,
    response: Response,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
) -> TokenPair:
    user = await auth_service.authenticate(session, form.username, form.password)
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Incorrect email or password")
    tokens = auth_service.issue_tokens(user)
    response.set_cookie(
        ACCESS_TOKEN_COOKIE,
        tokens.access_token,
        max_age=settings.ACCESS_TOKEN_EXPIRE_MINUTES * 60,
        httponly=True,
        secure=True,
        samesite="none",
    )
    return tokens


@router.post("/refresh", response_model=TokenPair)
@limiter.limit("30/minute")
async def refresh(request: Request, body: RefreshRequest, session: SessionDep) -> TokenPair:
    try:
        return await auth_service.refresh(session, body.refresh_token)
    except (jwt.PyJWTError, auth_service.AuthError):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid refresh token")


@router.post("/register", response_model=UserRead, status_code=status.HTTP_201_CREATED)
async def register(request: Request, body: RegisterRequest, session: SessionDep) -> UserRead:
    team_id = None
    if body.invite_code:
        invite = await users_repo.get_invite(session, body.invite_code)
        if invite is None:
            raise HTTPException(status_code=400, detail="Invite code is invalid or expired")
        team_id = invite.team_id
    try:
        user = await auth_service.register(session, body, team_id=team_id)
    except auth_service.AuthError as exc:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail=str(exc))
    if body.invite_code:
        invite.used_by_id = user.id
        session.add(invite)
        await session.commit()
    await request.app.state.arq.enqueue_job("send_verification_email", user.id)
    return UserRead.model_validate(user, from_attributes=True)


@router.post("/verify-email/resend", status_code=status.HTTP_202_ACCEPTED)
async def resend_verification(request: Request, user: CurrentUser) -> dict:
    if user.email_verified:
        return {"status": "already_verified"}
    await request.app.state.arq.enqueue_job("send_verification_email", user.id)
    return {"status": "queued"}


@router.post("/password-reset", status_code=status.HTTP_202_ACCEPTED)
@limiter.limit("3/hour")
async def request_password_reset(request: Request, body: PasswordResetRequest, session: SessionDep) -> dict:
    await auth_service.start_password_reset(session, request.app.state.arq, body.email)
    return {"status": "If the address is registered, a reset link is on its way."}


@router.post("/password-reset/confirm", status_code=status.HTTP_204_NO_CONTENT)
@limiter.limit("10/hour")
async def confirm_password_reset(request: Request, body: PasswordResetConfirm, session: SessionDep) -> None:
    try:
        await auth_service.complete_password_reset(session, body.token, body.new_password)
    except auth_service.AuthError:
        raise HTTPException(status_code=400, detail="Invalid or expired token")


@router.get("/me", response_model=UserRead)
async def me(user: CurrentUser) -> UserRead:
    return UserRead.model_validate(user, from_attributes=True)
