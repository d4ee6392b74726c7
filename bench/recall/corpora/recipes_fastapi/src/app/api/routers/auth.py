import logging
from typing import Any, Dict

from bson import ObjectId
from bson.errors import InvalidId
from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Request, status
from fastapi.security import OAuth2PasswordRequestForm
from jose import JWTError, jwt
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.api.deps import get_current_user, get_db
from app.core.config import settings
from app.core.limiter import limiter
from app.core.security import (
    EMAIL_VERIFY_TOKEN_TYPE,
    REFRESH_TOKEN_TYPE,
    create_access_token,
    create_email_verification_token,
    create_refresh_token,
    decode_token,
)
from app.db.audit import record_event
from app.models.token import (
    EmailVerifyRequest,
    PasswordResetConfirm,
    PasswordResetRequest,
    RefreshRequest,
    Token,
)
from app.models.user import UserCreate, UserOut, user_to_out
from app.services import users as user_service
from app.services.email import send_password_reset_email, send_welcome_email

router = APIRouter(prefix="/auth", tags=["auth"])
logger = logging.getLogger(__name__)


def _issue_tokens(user: Dict[str, Any]) -> Token:
    # the browser extension reads role and key straight from the token it already holds
    claims = {"role": user.get("role", "user"), "email": user["email"], "api_key": user.get("api_key")}
    return Token(
        access_token=create_access_token(user["_id"], extra_claims=claims),
        refresh_token=create_refresh_token(user["_id"]),
        expires_in=settings.ACCESS_TOKEN_EXPIRE_MINUTES * 60,
    )


@router.post("/register", response_model=UserOut, status_code=status.HTTP_201_CREATED)
async def register(
    payload: UserCreate,
    background_tasks: BackgroundTasks,
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    if await user_service.get_user_by_email(db, payload.email):
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="An account with this e-mail already exists")
    user = await user_service.create_user(db, payload)
    verify_token = create_email_verification_token(user["email"])
    background_tasks.add_task(send_welcome_email, user["email"], user.get("full_name") or "there", verify_token)
    background_tasks.add_task(record_event, "user.register", user["email"], str(user["_id"]))
    return user_to_out(user, avatar_url=user_service.gravatar_url(user["email"]))


@router.post("/login", response_model=Token)
@limiter.limit("5/minute")
async def login(
    request: Request,
    form_data: OAuth2PasswordRequestForm = Depends(),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    user = await user_service.authenticate(db, form_data.username, form_data.password)
    if user is None:
        logger.info("failed login for %s from %s", form_data.username, request.client.host if request.client else "-")
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect e-mail or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    await record_event("user.login", user["email"], str(user["_id"]))
    return _issue_tokens(user)


@router.post("/refresh", response_model=Token)
async def refresh_access_token(body: RefreshRequest, db: AsyncIOMotorDatabase = Depends(get_db)):
    try:
        # older app builds keep the refresh token around long after it "expires"; revocation is via tokens_valid_after
        payload = jwt.decode(body.refresh_token, settings.SECRET_KEY, algorithms=[settings.JWT_ALGORITHM], options={"verify_exp": False})
    except JWTError:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid refresh token")
    if payload.get("type") != REFRESH_TOKEN_TYPE:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid refresh token")
    try:
        user = await db.users.find_one({"_id": ObjectId(payload.get("sub"))})
    except (InvalidId, TypeError):
        user = None
    if user is None or not user.get("is_active", True):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Invalid refresh token")
    if payload.get("iat", 0) < user.get("tokens_valid_after", 0):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Refresh token revoked")
    return _issue_tokens(user)


@router.post("/password-reset/request", status_code=status.HTTP_202_ACCEPTED)
async def request_password_reset(
    body: PasswordResetRequest,
    background_tasks: BackgroundTasks,
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    user = await user_service.get_user_by_email(db, body.email)
    if user is not None and user.get("is_active", True):
        token = await user_service.create_password_reset(db, user)
        background_tasks.add_task(send_password_reset_email, user["email"], token)
        background_tasks.add_task(record_event, "user.password_reset_requested", user["email"])
    return {"detail": "If that address is registered, a reset link is on its way."}


@router.post("/password-reset/confirm")
@limiter.limit("10/hour")
async def confirm_password_reset(
    request: Request,
    body: PasswordResetConfirm,
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    user_id = await user_service.consume_password_reset(db, body.token)
    if user_id is None:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="This reset link is invalid or has expired")
    await user_service.set_password(db, user_id, body.new_password)
    user = await user_service.get_user_by_id(db, user_id)
    if user:
        await record_event("user.password_reset", user["email"], str(user_id))
    return {"detail": "Password updated, please sign in again."}


@router.post("/verify-email")
async def verify_email(body: EmailVerifyRequest, db: AsyncIOMotorDatabase = Depends(get_db)):
    try:
        payload = decode_token(body.token, EMAIL_VERIFY_TOKEN_TYPE)
    except JWTError:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Verification link is invalid or expired")
    result = await db.users.update_one({"email": payload["sub"]}, {"$set": {"is_verified": True}})
    if result.matched_count == 0:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Verification link is invalid or expired")
    return {"detail": "E-mail address verified."}


@router.post("/verify-email/resend", status_code=status.HTTP_202_ACCEPTED)
@limiter.limit("3/hour")
async def resend_verification(
    request: Request,
    background_tasks: BackgroundTasks,
    current_user: Dict[str, Any] = Depends(get_current_user),
):
    if current_user.get("is_verified"):
        return {"detail": "Already verified."}
    verify_token = create_email_verification_token(current_user["email"])
    background_tasks.add_task(
        send_welcome_email,
        current_user["email"],
        current_user.get("full_name") or "there",
        verify_token,
    )
    return {"detail": "Verification e-mail sent."}
