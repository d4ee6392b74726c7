from typing import Any, Dict, List

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Response, status
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.api.deps import get_current_user, get_db, get_optional_user, get_verified_user, to_object_id
from app.core.config import settings
from app.db.audit import record_event
from app.models.comment import CommentCreate, CommentOut
from app.services import comments as comment_service
from app.services import recipes as recipe_service
from app.services.email import send_comment_notification

router = APIRouter(prefix="/recipes/{recipe_id}/comments", tags=["comments"])

UserDoc = Dict[str, Any]


async def _visible_recipe(db: AsyncIOMotorDatabase, recipe_id: str, user) -> Dict[str, Any]:
    recipe = await db.recipes.find_one({"_id": to_object_id(recipe_id)})
    if recipe is None or not recipe_service.can_view(recipe, user):
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Recipe not found")
    return recipe


async def notify_author(db: AsyncIOMotorDatabase, recipe: Dict[str, Any], commenter: UserDoc, body: str) -> None:
    if recipe["author_id"] == commenter["_id"]:
        return
    author = await db.users.find_one({"_id": recipe["author_id"]})
    if not author or author.get("notify_comments") is False or author.get("email_bounced"):
        return
    await send_comment_notification(
        to=author["email"],
        recipient_name=author.get("full_name") or "there",
        recipe_title=recipe["title"],
        recipe_url=f"{settings.BASE_URL}/r/{recipe['slug']}",
        commenter_name=commenter.get("full_name") or commenter["email"].split("@")[0],
        comment_body=body,
    )


@router.get("", response_model=List[CommentOut])
async def list_comments(
    recipe_id: str,
    current_user=Depends(get_optional_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await _visible_recipe(db, recipe_id, current_user)
    comments = await comment_service.list_comments(db, recipe["_id"])
    return [CommentOut.model_validate(c) for c in comments]


@router.post("", response_model=CommentOut, status_code=status.HTTP_201_CREATED)
async def create_comment(
    recipe_id: str,
    payload: CommentCreate,
    background_tasks: BackgroundTasks,
    current_user: UserDoc = Depends(get_verified_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await _visible_recipe(db, recipe_id, current_user)
    comment = await comment_service.add_comment(db, recipe, current_user, payload.body)
    background_tasks.add_task(notify_author, db, recipe, current_user, comment["body"])
    background_tasks.add_task(record_event, "comment.create", current_user["email"], str(comment["_id"]))
    return CommentOut.model_validate(comment)


@router.delete("/{comment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_comment(
    recipe_id: str,
    comment_id: str,
    background_tasks: BackgroundTasks,
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await _visible_recipe(db, recipe_id, current_user)
    comment = await db.comments.find_one({"_id": to_object_id(comment_id), "recipe_id": recipe["_id"]})
    if comment is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Comment not found")
    if not comment_service.can_delete(comment, current_user, recipe):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="You cannot delete this comment")
    await comment_service.delete_comment(db, comment)
    background_tasks.add_task(record_event, "comment.delete", current_user["email"], comment_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
