import logging
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request
from fastapi.security import OAuth2PasswordRequestForm

from app import crud
from app.api.deps import CurrentUser, DbSession
from app.core import security
from app.core.config import settings
from app.core.limiter import limiter
from app.schemas import Message, NewPassword, Token, UserPublic
from app.services import email as email_service

logger = logging.getLogger(__name__)

router = APIRouter(tags=["login"])


@router.post("/login/access-token")
@limiter.limit(settings.RATE_LIMIT_LOGIN)
async def login_access_token(
    request: Request,
    session: DbSession,
    form_data: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> Token:
    """OAuth2 compatible token login, get an access token for future requests."""
    user = await crud.authenticate(session, email=form_data.username, password=form_data.password)
    if not user:
        raise HTTPException(status_code=400, detail="Incorrect email or password")
    elif not user.is_active:
        raise HTTPException(status_code=400, detail="Inactive user")
    access_token_expires = timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)
    return Token(access_token=security.create_access_token(user.id, expires_delta=access_token_expires))


@router.post("/login/test-token", response_model=UserPublic)
async def test_token(current_user: CurrentUser) -> UserPublic:
    """Test access token."""
    return current_user


@router.post("/password-recovery/{email}")
async def recover_password(email: str, session: DbSession, background_tasks: BackgroundTasks) -> Message:
    """Send a password recovery email."""
    logger.info("Password recovery requested for %s", email)
    user = await crud.get_user_by_email(session, email)
    if user and user.is_active:
        token = await crud.create_password_reset(session, user)
        subject, html_body = email_service.build_reset_email(user.email, token)
        background_tasks.add_task(email_service.send_email, to=user.email, subject=subject, html_body=html_body)
    return Message(message="If that account exists, a recovery email is on its way")


@router.post("/reset-password/")
async def reset_password(session: DbSession, body: NewPassword) -> Message:
    """Reset password with the token from the recovery email."""
    user = await crud.consume_password_reset(session, body.token, body.new_password)
    if not user:
        raise HTTPException(status_code=400, detail="Invalid or expired token")
    return Message(message="Password updated successfully")
