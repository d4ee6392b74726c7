from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Cookie, Depends, HTTPException, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm
from pydantic import BaseModel, EmailStr, Field
from sqlmodel import select

from app.api.deps import SessionDep, TenantDep
from app.core.config import settings
from app.core.rate_limit import limiter
from app.core.security import hash_password
from app.models import PasswordResetToken, User
from app.repositories import user_repo
from app.services.auth_service import AuthService
from app.tasks.notifications import send_password_reset_email

router = APIRouter(prefix="/auth", tags=["auth"])

REFRESH_COOKIE = "lh_refresh"


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"


class RegisterIn(BaseModel):
    email: EmailStr
    full_name: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=10)


class ResetRequestIn(BaseModel):
    email: EmailStr


class ResetConfirmIn(BaseModel):
    token: str
    new_password: str = Field(min_length=10)


@router.post("/token", response_model=TokenOut)
@limiter.limit("5/minute")
def login(
    request: Request,
    response: Response,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    tenant: TenantDep,
):
    service = AuthService(session, tenant)
    user = service.authenticate(form.username, form.password)
    tokens = service.issue_tokens(user)
    response.set_cookie(
        REFRESH_COOKIE,
        tokens["refresh_token"],
        max_age=settings.refresh_token_expire_days * 86400,
        path=f"{settings.api_prefix}/auth",
    )
    return TokenOut(access_token=tokens["access_token"])


@router.post("/refresh", response_model=TokenOut)
@limiter.limit("30/minute")
def refresh(
    request: Request,
    session: SessionDep,
    tenant: TenantDep,
    lh_refresh: Annotated[str | None, Cookie()] = None,
):
    if not lh_refresh:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "No refresh token")
    tokens = AuthService(session, tenant).refresh(lh_refresh)
    return TokenOut(access_token=tokens["access_token"])


@router.post("/register", status_code=status.HTTP_201_CREATED)
@limiter.limit("3/hour")
def register(request: Request, payload: RegisterIn, session: SessionDep, tenant: TenantDep):
    if user_repo.get_by_email(session, tenant.id, payload.email):
        raise HTTPException(status.HTTP_409_CONFLICT, "Email already registered")
    user = user_repo.add(
        session,
        User(
            tenant_id=tenant.id,
            email=payload.email.lower(),
            full_name=payload.full_name,
            hashed_password=hash_password(payload.password),
        ),
    )
    return {"id": user.id, "email": user.email}


@router.post("/password-reset", status_code=status.HTTP_202_ACCEPTED)
def request_password_reset(
    payload: ResetRequestIn,
    background: BackgroundTasks,
    session: SessionDep,
    tenant: TenantDep,
):
    result = AuthService(session, tenant).start_password_reset(payload.email)
    if result is not None:
        user, token = result
        background.add_task(send_password_reset_email, user.email, token)
    return {"detail": "If the address is registered, a reset link is on its way."}


@router.post("/password-reset/confirm")
@limiter.limit("10/minute")
def confirm_password_reset(request: Request, payload: ResetConfirmIn, session: SessionDep, tenant: TenantDep):
    record = session.exec(
        select(PasswordResetToken).where(
            PasswordResetToken.token == payload.token,
            PasswordResetToken.used == False,  # noqa: E712
        )
    ).first()
    if record is None or record.expires_at < datetime.utcnow():
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Invalid or expired token")
    user = user_repo.get(session, record.user_id)
    if user is None or user.tenant_id != tenant.id:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Invalid or expired token")
    user.hashed_password = hash_password(payload.new_password)
    record.used = True
    session.add_all([user, record])
    session.commit()
    return {"detail": "Password updated"}
