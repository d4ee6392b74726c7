from typing import Any, Dict, Optional

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException, Query, Response, status
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.api.deps import get_current_user, get_db, get_optional_user, get_user_from_api_key, get_verified_user, to_object_id
from app.db.audit import record_event
from app.models.recipe import RecipeCreate, RecipeList, RecipeOut, RecipeUpdate, ShareLinkOut
from app.services import recipes as recipe_service
from app.utils.pagination import Page, page_params

router = APIRouter(prefix="/recipes", tags=["recipes"])

UserDoc = Dict[str, Any]


async def _get_recipe_or_404(db: AsyncIOMotorDatabase, recipe_id: str) -> Dict[str, Any]:
    recipe = await db.recipes.find_one({"_id": to_object_id(recipe_id)})
    if recipe is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Recipe not found")
    return recipe


@router.get("", response_model=RecipeList)
async def list_recipes(
    q: Optional[str] = Query(None, max_length=100),
    tag: Optional[str] = Query(None, max_length=30),
    page: Page = Depends(page_params),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    items = await recipe_service.list_public(db, q=q, tag=tag, skip=page.skip, limit=page.per_page)
    total = await recipe_service.count_public(db, q=q, tag=tag)
    return RecipeList(
        items=[RecipeOut.model_validate(item) for item in items],
        total=total,
        page=page.page,
        per_page=page.per_page,
    )


@router.get("/mine", response_model=RecipeList)
async def list_my_recipes(
    page: Page = Depends(page_params),
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    query = {"author_id": current_user["_id"]}
    cursor = db.recipes.find(query).sort("updated_at", -1).skip(page.skip).limit(page.per_page)
    items = await cursor.to_list(length=page.per_page)
    total = await db.recipes.count_documents(query)
    return RecipeList(items=[RecipeOut.model_validate(i) for i in items], total=total, page=page.page, per_page=page.per_page)


@router.post("", response_model=RecipeOut, status_code=status.HTTP_201_CREATED)
async def create_recipe(
    payload: RecipeCreate,
    background_tasks: BackgroundTasks,
    current_user: UserDoc = Depends(get_verified_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await recipe_service.create_recipe(db, payload, current_user)
    background_tasks.add_task(record_event, "recipe.create", current_user["email"], str(recipe["_id"]), f"title={payload.title}")
    return RecipeOut.model_validate(recipe)


@router.post("/import", response_model=RecipeOut, status_code=status.HTTP_201_CREATED)
async def import_recipe(
    payload: RecipeCreate,
    background_tasks: BackgroundTasks,
    api_user: UserDoc = Depends(get_user_from_api_key),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    """Used by the browser extension to clip recipes from other sites."""
    payload.is_public = False
    recipe = await recipe_service.create_recipe(db, payload, api_user)
    background_tasks.add_task(record_event, "recipe.import", api_user["email"], str(recipe["_id"]), f"title={payload.title}")
    return RecipeOut.model_validate(recipe)


@router.get("/{recipe_id}", response_model=RecipeOut)
async def read_recipe(
    recipe_id: str,
    share: Optional[str] = Query(None, max_length=64),
    current_user: Optional[UserDoc] = Depends(get_optional_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await _get_recipe_or_404(db, recipe_id)
    if recipe_service.can_view(recipe, current_user):
        return RecipeOut.model_validate(recipe)
    if share and recipe.get("share_token") and await db.recipes.count_documents({"_id": recipe["_id"], "share_token": share}):
        return RecipeOut.model_validate(recipe)
    raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Recipe not found")


@router.patch("/{recipe_id}", response_model=RecipeOut)
async def update_recipe(
    recipe_id: str,
    payload: RecipeUpdate,
    background_tasks: BackgroundTasks,
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await _get_recipe_or_404(db, recipe_id)
    if not recipe_service.can_edit(recipe, current_user):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="You cannot edit this recipe")
    recipe = await recipe_service.update_recipe(db, recipe, payload)
    background_tasks.add_task(record_event, "recipe.update", current_user["email"], recipe_id)
    return RecipeOut.model_validate(recipe)


@router.delete("/{recipe_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_recipe(
    recipe_id: str,
    background_tasks: BackgroundTasks,
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await _get_recipe_or_404(db, recipe_id)
    if not recipe_service.can_edit(recipe, current_user):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="You cannot delete this recipe")
    await db.comments.delete_many({"recipe_id": recipe["_id"]})
    await db.favourites.delete_many({"recipe_id": recipe["_id"]})
    await db.recipes.delete_one({"_id": recipe["_id"]})
    background_tasks.add_task(record_event, "recipe.delete", current_user["email"], recipe_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{recipe_id}/share", response_model=ShareLinkOut)
async def create_share_link(
    recipe_id: str,
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await _get_recipe_or_404(db, recipe_id)
    if not recipe_service.can_edit(recipe, current_user):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Only the author can share this recipe")
    token = recipe_service.make_share_token(recipe["_id"])
    await db.recipes.update_one({"_id": recipe["_id"]}, {"$set": {"share_token": token}})
    recipe["share_token"] = token
    return ShareLinkOut(url=recipe_service.share_url(recipe), token=token)


@router.delete("/{recipe_id}/share", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_share_link(
    recipe_id: str,
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await _get_recipe_or_404(db, recipe_id)
    if not recipe_service.can_edit(recipe, current_user):
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Only the author can change sharing")
    await db.recipes.update_one({"_id": recipe["_id"]}, {"$unset": {"share_token": ""}})
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{recipe_id}/favourite")
async def toggle_favourite(
    recipe_id: str,
    current_user: UserDoc = Depends(get_current_user),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    recipe = await _get_recipe_or_404(db, recipe_id)
    if not recipe_service.can_view(recipe, current_user):
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Recipe not found")
    favourited = await recipe_service.toggle_favourite(db, recipe, current_user["_id"])
    return {"favourited": favourited}
