"""OAuth2 password flow + refresh tokens for the mobile app."""
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordRequestForm

from app.deps import INVITATION_LIMIT, LOGIN_LIMIT, PASSWORD_RESET_CONFIRM_LIMIT, TOKEN_REFRESH_LIMIT, CurrentUser, DbSession, limiter
from app.schemas import (
    InvitationAccept,
    MeOut,
    PasswordResetConfirm,
    PasswordResetRequest,
    RefreshRequest,
    TokenPair,
)
from app.security import WeakPasswordError
from app.services import auth as auth_service
from app.services.notifications import send_password_reset_email

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/token", response_model=TokenPair)
@limiter.limit(LOGIN_LIMIT)
def issue_tokens(request: Request, form: Annotated[OAuth2PasswordRequestForm, Depends()], db: DbSession) -> TokenPair:
    user = auth_service.authenticate(db, form.username, form.password)
    if user is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect e-mail or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return auth_service.issue_token_pair(db, user, device_name=request.headers.get("X-Device-Name"))


@router.post("/refresh", response_model=TokenPair)
@limiter.limit(TOKEN_REFRESH_LIMIT)
def refresh_tokens(request: Request, body: RefreshRequest, db: DbSession) -> TokenPair:
    try:
        return auth_service.rotate_refresh_token(db, body.refresh_token, device_name=body.device_name)
    except auth_service.AuthError:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Refresh token rejected") from None


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(user: CurrentUser, db: DbSession) -> None:
    auth_service.revoke_all_for_user(db, user.id)
    db.commit()


@router.post("/password-reset", status_code=status.HTTP_202_ACCEPTED)
def request_password_reset(body: PasswordResetRequest, background_tasks: BackgroundTasks, db: DbSession) -> dict[str, str]:
    result = auth_service.create_password_reset(db, body.email)
    if result is not None:
        user, code = result
        background_tasks.add_task(send_password_reset_email, user, code)
    # Same answer whether or not the address exists.
    return {"detail": "If this address belongs to an active account, a reset code has been sent."}


@router.post("/password-reset/confirm")
@limiter.limit(PASSWORD_RESET_CONFIRM_LIMIT)
def confirm_password_reset(request: Request, body: PasswordResetConfirm, db: DbSession) -> dict[str, str]:
    try:
        auth_service.confirm_password_reset(db, body.email, body.code, body.new_password)
    except auth_service.AuthError:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Invalid or expired code") from None
    except WeakPasswordError as exc:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_ENTITY, detail=str(exc)) from None
    return {"detail": "Password updated. Please sign in again."}


@router.post("/invitations/accept", response_model=TokenPair)
@limiter.limit(INVITATION_LIMIT)
def accept_invitation(request: Request, body: InvitationAccept, db: DbSession) -> TokenPair:
    try:
        user = auth_service.accept_invitation(db, body.token, body.password)
    except auth_service.AuthError as exc:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail=str(exc)) from None
    except WeakPasswordError as exc:
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_ENTITY, detail=str(exc)) from None
    return auth_service.issue_token_pair(db, user)


@router.get("/me", response_model=MeOut)
def me(user: CurrentUser) -> MeOut:
    return MeOut(
        id=user.id,
        email=user.email,
        role=user.role.value,
        employee_id=user.employee_id,
        must_change_password=user.must_change_password,
    )
