from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from starlette.concurrency import run_in_threadpool

from inkwell.deps import CurrentUser
from inkwell.services import analytics_store, note_service

router = APIRouter(prefix="/analytics", tags=["analytics"])


@router.get("/notes/{note_id}/events")
async def note_events(
    note_id: str,
    user: CurrentUser,
    event: str | None = Query(default=None, description="view, comment, edit, …"),
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[dict]:
    note = await note_service.get_note(note_id, user, write=True)
    return await run_in_threadpool(analytics_store.events_for_note, str(note.id), event, limit)


@router.get("/notes/top")
async def top_notes(
    user: CurrentUser,
    sort: str = Query(default="views", description="views, unique_viewers or last_seen"),
    direction: Literal["asc", "desc"] = "desc",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[dict]:
    return await run_in_threadpool(analytics_store.top_notes, str(user.id), sort, direction, limit)


@router.get("/notes/daily")
async def daily(
    user: CurrentUser,
    note_id: Annotated[list[str], Query(max_length=50)],
    days: Annotated[int, Query(ge=1, le=365)] = 30,
) -> list[dict]:
    allowed = []
    for nid in note_id:
        note = await note_service.get_note(nid, user)
        allowed.append(str(note.id))
    return await run_in_threadpool(analytics_store.daily_counts, allowed, days)
