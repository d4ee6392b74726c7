from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException

from app import crud
from app.api.deps import CurrentUser, DbSession, get_current_active_superuser
from app.core import security
from app.schemas import Message, UpdatePassword, UserCreate, UserPublic
from app.services import email as email_service

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me", response_model=UserPublic)
async def read_user_me(current_user: CurrentUser) -> UserPublic:
    return current_user


@router.patch("/me/password")
async def update_password_me(session: DbSession, body: UpdatePassword, current_user: CurrentUser) -> Message:
    if not security.verify_password(body.current_password, current_user.hashed_password):
        raise HTTPException(status_code=400, detail="Incorrect password")
    if body.current_password == body.new_password:
        raise HTTPException(status_code=400, detail="New password cannot be the same as the current one")
    await crud.update_password(session, current_user, body.new_password)
    return Message(message="Password updated successfully")


@router.post("/", dependencies=[Depends(get_current_active_superuser)], response_model=UserPublic)
async def create_user(session: DbSession, user_in: UserCreate, background_tasks: BackgroundTasks) -> UserPublic:
    if await crud.get_user_by_email(session, user_in.email):
        raise HTTPException(status_code=400, detail="The user with this email already exists in the system.")
    user = await crud.create_user(session, user_in)
    token = security.generate_email_verification_token(user.email)
    subject, html_body = email_service.build_verification_email(user.email, token)
    background_tasks.add_task(email_service.send_email, to=user.email, subject=subject, html_body=html_body)
    return user


@router.get("/verify-email")
async def verify_email(session: DbSession, token: str) -> Message:
    email = security.verify_email_verification_token(token)
    if email is None:
        raise HTTPException(status_code=400, detail="Invalid verification link")
    user = await crud.get_user_by_email(session, email)
    if user is None:
        raise HTTPException(status_code=404, detail="User not found")
    user.email_verified = True
    await session.commit()
    return Message(message="Email address confirmed")
