from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status
from starlette.concurrency import run_in_threadpool

from inkwell.deps import CurrentAdmin, get_current_admin, require_admin_key
from inkwell.exceptions import NotFound
from inkwell.models import Note, RefreshToken, ShareLink, User
from inkwell.schemas import ActivityQuery, AdminUserOut, SuspendIn
from inkwell.services import aggregations, analytics_store, auth_service
from inkwell.utils import Page, page_of, parse_object_id, utcnow

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/admin", tags=["admin"], dependencies=[Depends(get_current_admin)])
ops_router = APIRouter(prefix="/ops", tags=["ops"], dependencies=[Depends(require_admin_key)])


@router.get("/overview")
async def overview() -> dict:
    return await aggregations.admin_overview()


@router.get("/users", response_model=Page[AdminUserOut])
async def list_users(
    email: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[AdminUserOut]:
    query = User.find(User.email == email.strip().lower()) if email else User.find_all()
    total = await query.count()
    users = await query.sort("-created_at").skip(offset).limit(limit).to_list()
    return page_of([AdminUserOut.model_validate(u) for u in users], total, limit, offset)


@router.post("/users/{user_id}/suspend", status_code=status.HTTP_204_NO_CONTENT)
async def suspend_user(user_id: str, body: SuspendIn, admin: CurrentAdmin) -> None:
    user = await User.get(parse_object_id(user_id, "User"))
    if user is None:
        raise NotFound("User not found")
    user.is_active = False
    await auth_service.logout_everywhere(user)
    await ShareLink.find(ShareLink.created_by == user.id).update({"$set": {"revoked": True}})
    logger.warning("admin %s suspended user %s: %s", admin.id, user.id, body.reason)


@router.post("/users/{user_id}/restore", status_code=status.HTTP_204_NO_CONTENT)
async def restore_user(user_id: str, admin: CurrentAdmin) -> None:
    user = await User.get(parse_object_id(user_id, "User"))
    if user is None:
        raise NotFound("User not found")
    user.is_active = True
    await user.save_changes()
    logger.warning("admin %s restored user %s", admin.id, user.id)


@router.post("/analytics/activity")
async def actor_activity(body: ActivityQuery) -> list[dict]:
    return await run_in_threadpool(analytics_store.activity_for_actors, body.emails, body.since)


# --- machine endpoints (X-Admin-Key) ------------------------------------------------------------


@ops_router.post("/purge-expired")
async def purge_expired() -> dict[str, int]:
    now = utcnow()
    links = await ShareLink.find(ShareLink.expires_at < now).delete()
    tokens = await RefreshToken.find(RefreshToken.expires_at < now).delete()
    events = await run_in_threadpool(analytics_store.prune_expired)
    return {
        "share_links": links.deleted_count if links else 0,
        "refresh_tokens": tokens.deleted_count if tokens else 0,
        "analytics_events": events,
    }


@ops_router.post("/backfill-word-counts")
async def backfill_word_counts(limit: Annotated[int, Query(ge=1, le=10_000)] = 1000) -> dict[str, int]:
    updated = 0
    async for note in Note.find(Note.word_count == 0, Note.body != "").limit(limit):
        note.word_count = len(note.body.split())
        await note.save()
        updated += 1
    return {"updated": updated}
