import logging
import uuid
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, status
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.api.deps import get_current_user, get_db, to_object_id
from app.core.security import verify_password
from app.db import audit
from app.models.recipe import RecipeOut
from app.models.user import ApiKeyOut, PasswordChange, UserOut, UserPublic, UserUpdate, user_to_out
from app.services import users as user_service

router = APIRouter(prefix="/users", tags=["users"])
logger = logging.getLogger(__name__)

UserDoc = Dict[str, Any]


@router.get("/me", response_model=UserOut)
async def read_me(current_user: UserDoc = Depends(get_current_user)):
    return user_to_out(current_user, avatar_url=user_service.gravatar_url(current_user["email"]))


@router.patch("/me", response_model=UserOut)
async def update_me(
    payload: UserUpdate,
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    user = await user_service.update_profile(db, current_user, payload)
    return user_to_out(user, avatar_url=user_service.gravatar_url(user["email"]))


@router.post("/me/password", status_code=status.HTTP_204_NO_CONTENT)
async def change_password(
    payload: PasswordChange,
    background_tasks: BackgroundTasks,
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    if not verify_password(payload.current_password, current_user.get("hashed_password")):
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Current password is incorrect")
    await user_service.set_password(db, current_user["_id"], payload.new_password)
    background_tasks.add_task(audit.record_event, "user.password_changed", current_user["email"], str(current_user["_id"]))


@router.post("/me/api-key", response_model=ApiKeyOut)
async def rotate_api_key(
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    api_key = uuid.uuid1().hex
    created_at = datetime.now(timezone.utc)
    await db.users.update_one(
        {"_id": current_user["_id"]},
        {"$set": {"api_key": api_key, "api_key_created_at": created_at}},
    )
    await audit.record_event("user.api_key_rotated", current_user["email"], str(current_user["_id"]))
    return ApiKeyOut(api_key=api_key, created_at=created_at)


@router.delete("/me/api-key", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_api_key(
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    await db.users.update_one({"_id": current_user["_id"]}, {"$unset": {"api_key": "", "api_key_created_at": ""}})


@router.get("/me/activity")
async def my_activity(
    action: Optional[str] = Query(None, max_length=64),
    sort: str = Query("newest"),
    limit: int = Query(50, ge=1, le=200),
    offset: int = Query(0, ge=0),
    current_user: UserDoc = Depends(get_current_user),
) -> List[Dict[str, Any]]:
    return await audit.search_events(actor=current_user["email"], action=action, sort=sort, limit=limit, offset=offset)


@router.get("/me/favourites", response_model=List[RecipeOut])
async def my_favourites(
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    favs = await db.favourites.find({"user_id": current_user["_id"]}).sort("created_at", -1).to_list(length=500)
    ids = [f["recipe_id"] for f in favs]
    recipes = await db.recipes.find({"_id": {"$in": ids}}).to_list(length=len(ids) or 1)
    by_id = {r["_id"]: r for r in recipes}
    visible = [by_id[i] for i in ids if i in by_id and (by_id[i].get("is_public") or by_id[i]["author_id"] == current_user["_id"])]
    return [RecipeOut.model_validate(r) for r in visible]


@router.delete("/me", status_code=status.HTTP_204_NO_CONTENT)
async def delete_me(
    background_tasks: BackgroundTasks,
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    removed = await user_service.delete_account(db, current_user)
    logger.info("deleted account %s (%d recipes, %d comments)", current_user["_id"], removed["recipes"], removed["comments"])
    background_tasks.add_task(audit.record_event, "user.delete", current_user["email"], str(current_user["_id"]))


@router.get("/{user_id}", response_model=UserPublic)
async def read_user(user_id: str, db: AsyncIOMotorDatabase = Depends(get_db)):
    user = await user_service.get_user_by_id(db, to_object_id(user_id))
    if user is None or not user.get("is_active", True):
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    return UserPublic(**await user_service.public_profile(db, user))
