from fastapi import APIRouter, Depends, status

from app.api.deps import get_current_user
from app.models import User
from app.schemas.auth import ChangePasswordIn, ProfileUpdate, UserOut
from app.services.accounts import accounts

router = APIRouter(prefix="/users", tags=["users"])


@router.get("/me", response_model=UserOut)
async def read_me(user: User = Depends(get_current_user)):
    return UserOut.model_validate(user)


@router.patch("/me", response_model=UserOut)
async def update_me(body: ProfileUpdate, user: User = Depends(get_current_user)):
    changes = body.model_dump(exclude_unset=True)
    if changes:
        await user.update_from_dict(changes).save(update_fields=list(changes))
    return UserOut.model_validate(user)


@router.post("/me/password", status_code=status.HTTP_204_NO_CONTENT)
async def change_password(body: ChangePasswordIn, user: User = Depends(get_current_user)):
    await accounts.change_password(user, body.current_password, body.new_password)
