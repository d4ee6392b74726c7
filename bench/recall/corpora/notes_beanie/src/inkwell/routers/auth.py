from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordRequestForm
from slowapi.util import get_remote_address

from inkwell.config import settings
from inkwell.deps import CurrentUser, limiter
from inkwell.schemas import (
    ForgotPasswordIn,
    RefreshIn,
    RegisterIn,
    ResetPasswordIn,
    TokenPair,
    UserOut,
    VerifyEmailIn,
)
from inkwell.security.passwords import password_problems
from inkwell.services import auth_service

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token", response_model=TokenPair)
@limiter.limit(settings.login_rate_limit)
async def login_for_access_token(
    request: Request, form: Annotated[OAuth2PasswordRequestForm, Depends()]
) -> TokenPair:
    user = await auth_service.authenticate(form.username, form.password)
    if user is None:
        logger.info("failed login for %s from %s", form.username, get_remote_address(request))
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect e-mail or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return await auth_service.issue_token_pair(user, user_agent=request.headers.get("user-agent"))


@router.post("/refresh", response_model=TokenPair)
@limiter.limit("30/minute")
async def refresh(request: Request, body: RefreshIn) -> TokenPair:
    return await auth_service.rotate_refresh_token(
        body.refresh_token, user_agent=request.headers.get("user-agent")
    )


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(body: RefreshIn) -> None:
    await auth_service.revoke_refresh_token(body.refresh_token)


@router.post("/logout-all", status_code=status.HTTP_204_NO_CONTENT)
async def logout_all(user: CurrentUser) -> None:
    await auth_service.logout_everywhere(user)


@router.post("/register", response_model=UserOut, status_code=status.HTTP_201_CREATED)
@limiter.limit(settings.signup_rate_limit)
async def register(request: Request, body: RegisterIn, background: BackgroundTasks) -> UserOut:
    problems = password_problems(body.password, email=body.email)
    if problems:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, {"password": problems})
    user = await auth_service.register_user(
        body.email, body.display_name, body.password, background
    )
    return UserOut.model_validate(user)


@router.post("/verify-email", response_model=UserOut)
async def verify_email(body: VerifyEmailIn) -> UserOut:
    user = await auth_service.confirm_email(body.token)
    return UserOut.model_validate(user)


@router.post("/forgot-password", status_code=status.HTTP_202_ACCEPTED)
@limiter.limit(settings.reset_rate_limit)
async def forgot_password(
    request: Request, body: ForgotPasswordIn, background: BackgroundTasks
) -> dict[str, str]:
    await auth_service.start_password_reset(body.email, background)
    # Same answer whether or not the address exists.
    return {"detail": "If that address has an account, a reset code is on its way."}


@router.post("/reset-password", status_code=status.HTTP_204_NO_CONTENT)
@limiter.limit("10/15minutes")
async def reset_password(request: Request, body: ResetPasswordIn) -> None:
    problems = password_problems(body.new_password, email=body.email)
    if problems:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, {"new_password": problems})
    await auth_service.complete_password_reset(body.email, body.code, body.new_password)
