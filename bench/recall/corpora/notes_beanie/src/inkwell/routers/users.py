from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, HTTPException, Request, status

from inkwell.deps import CurrentUser, limiter
from inkwell.exceptions import Conflict
from inkwell.schemas import PasswordChangeIn, ProfileUpdate, UserOut
from inkwell.security.passwords import password_problems
from inkwell.services import aggregations, auth_service

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me", response_model=UserOut)
async def read_me(user: CurrentUser) -> UserOut:
    return UserOut.model_validate(user)


@router.patch("/me", response_model=UserOut)
async def update_me(body: ProfileUpdate, user: CurrentUser) -> UserOut:
    changes = body.model_dump(exclude_unset=True)
    if "display_name" in changes:
        changes["display_name"] = changes["display_name"].strip()
    for field, value in changes.items():
        setattr(user, field, value)
    await user.save_changes()
    return UserOut.model_validate(user)


@router.post("/me/password", status_code=status.HTTP_204_NO_CONTENT)
@limiter.limit("5/15minutes")
async def change_password(request: Request, body: PasswordChangeIn, user: CurrentUser) -> None:
    problems = password_problems(body.new_password, email=user.email)
    if problems:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, {"new_password": problems})
    await auth_service.change_password(user, body.current_password, body.new_password)


@router.post("/me/resend-verification", status_code=status.HTTP_202_ACCEPTED)
async def resend_verification(user: CurrentUser, background: BackgroundTasks) -> dict[str, str]:
    if user.email_verified:
        raise Conflict("Your e-mail address is already confirmed")
    auth_service.send_verification_email(user, background)
    return {"detail": f"We sent a new confirmation link to {user.email}."}


@router.get("/me/stats")
async def my_stats(user: CurrentUser) -> dict:
    return {
        "tags": await aggregations.tag_counts(user.id, limit=30),
        "edits_per_day": await aggregations.edits_per_day(user.id, days=30),
    }


@router.delete("/me", status_code=status.HTTP_204_NO_CONTENT)
async def deactivate_me(user: CurrentUser) -> None:
    user.is_active = False
    await auth_service.logout_everywhere(user)
