import logging
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from motor.motor_asyncio import AsyncIOMotorDatabase

from app.api.deps import get_current_admin, get_db, to_object_id
from app.db import audit
from app.models.user import AdminUserCreate, RoleUpdate, UserOut, user_to_out
from app.services import comments as comment_service
from app.services import users as user_service
from app.utils.pagination import Page, page_params

router = APIRouter(prefix="/admin", tags=["admin"])
logger = logging.getLogger(__name__)

AdminDoc = Dict[str, Any]


@router.get("/users", response_model=List[UserOut])
async def list_users(
    email: Optional[str] = Query(None, max_length=254),
    role: Optional[str] = Query(None),
    page: Page = Depends(page_params),
    admin: AdminDoc = Depends(get_current_admin),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    query: Dict[str, Any] = {}
    if email:
        query["email"] = user_service.normalise_email(email)
    if role:
        query["role"] = role
    users = await db.users.find(query).sort("created_at", -1).skip(page.skip).limit(page.per_page).to_list(length=page.per_page)
    return [user_to_out(u) for u in users]


@router.post("/users", response_model=UserOut, status_code=status.HTTP_201_CREATED)
async def create_user(
    payload: AdminUserCreate,
    admin: AdminDoc = Depends(get_current_admin),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    if await user_service.get_user_by_email(db, payload.email):
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="E-mail already registered")
    user = await user_service.create_user(db, payload, role=payload.role, is_verified=payload.is_verified)
    await audit.record_event("admin.user_create", admin["email"], str(user["_id"]), f"role={payload.role}")
    return user_to_out(user)


@router.patch("/users/{user_id}/role", response_model=UserOut)
async def change_role(
    user_id: str,
    payload: RoleUpdate,
    admin: AdminDoc = Depends(get_current_admin),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    oid = to_object_id(user_id)
    user = await db.users.find_one_and_update({"_id": oid}, {"$set": {"role": payload.role}}, return_document=True)
    if user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    await audit.record_event("admin.role_change", admin["email"], user_id, f"role={payload.role}")
    return user_to_out(user)


@router.post("/users/{user_id}/deactivate", response_model=UserOut)
async def deactivate_user(
    user_id: str,
    admin: AdminDoc = Depends(get_current_admin),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    now = int(datetime.now(timezone.utc).timestamp())
    user = await db.users.find_one_and_update(
        {"_id": to_object_id(user_id)},
        {"$set": {"is_active": False, "tokens_valid_after": now}},
        return_document=True,
    )
    if user is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="User not found")
    await audit.record_event("admin.deactivate", admin["email"], user_id)
    return user_to_out(user)


@router.post("/tokens/revoke")
async def revoke_tokens(
    role: Optional[str] = Query(None, description="Only revoke for users with this role"),
    admin: AdminDoc = Depends(get_current_admin),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    now = int(datetime.now(timezone.utc).timestamp())
    query: Dict[str, Any] = {"role": role} if role else {}
    result = await db.users.update_many(query, {"$set": {"tokens_valid_after": now}})
    token_count = result.modified_count
    logger.info("admin %s revoked sessions for %d users (role=%s)", admin["email"], token_count, role or "*")
    await audit.record_event("admin.tokens_revoked", admin["email"], role or "*", f"users={token_count}")
    return {"revoked_users": token_count}


@router.get("/audit")
async def audit_log(
    actor: Optional[str] = Query(None),
    action: Optional[str] = Query(None),
    sort: str = Query("newest"),
    limit: int = Query(100, ge=1, le=500),
    offset: int = Query(0, ge=0),
    admin: AdminDoc = Depends(get_current_admin),
) -> List[Dict[str, Any]]:
    if not actor and not action:
        return await audit.recent_events(sort=sort, limit=limit, offset=offset)
    return await audit.search_events(actor=actor, action=action, sort=sort, limit=limit, offset=offset)


@router.get("/audit/stats")
async def audit_stats(
    actions: str = Query(..., description="Comma separated list, e.g. recipe.create,comment.create"),
    since: Optional[str] = Query(None, description="ISO date"),
    admin: AdminDoc = Depends(get_current_admin),
) -> Dict[str, int]:
    return await audit.count_by_action(actions.split(","), since=since)


@router.delete("/audit", status_code=status.HTTP_200_OK)
async def purge_audit(
    older_than_days: int = Query(365, ge=30),
    admin: AdminDoc = Depends(get_current_admin),
):
    removed = await audit.purge_older_than(older_than_days)
    await audit.record_event("admin.audit_purge", admin["email"], "", f"days={older_than_days} removed={removed}")
    return {"removed": removed}


@router.delete("/comments/{comment_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_comment(
    comment_id: str,
    admin: AdminDoc = Depends(get_current_admin),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    comment = await db.comments.find_one({"_id": to_object_id(comment_id)})
    if comment is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Comment not found")
    await comment_service.delete_comment(db, comment)
    await audit.record_event("admin.comment_delete", admin["email"], comment_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/stats")
async def site_stats(
    admin: AdminDoc = Depends(get_current_admin),
    db: AsyncIOMotorDatabase = Depends(get_db),
):
    return {
        "users": await db.users.count_documents({}),
        "verified_users": await db.users.count_documents({"is_verified": True}),
        "recipes": await db.recipes.count_documents({}),
        "public_recipes": await db.recipes.count_documents({"is_public": True}),
        "comments": await db.comments.count_documents({}),
    }
