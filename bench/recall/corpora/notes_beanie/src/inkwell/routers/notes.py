from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Response, status
from fastapi.responses import PlainTextResponse

from inkwell.deps import CurrentUser
from inkwell.schemas import NoteIn, NoteOut, NotePatch, NoteSummary
from inkwell.services import note_service, search_service
from inkwell.utils import Page, page_of

router = APIRouter(prefix="/notes", tags=["notes"])


def _etag(note: NoteOut) -> str:
    digest = hashlib.md5(f"{note.id}:{note.version}".encode(), usedforsecurity=False).hexdigest()
    return f'W/"{digest}"'


@router.get("", response_model=Page[NoteSummary])
async def list_notes(
    user: CurrentUser,
    notebook_id: str | None = None,
    tag: str | None = None,
    archived: bool = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[NoteSummary]:
    notes, total = await note_service.list_notes(
        user, notebook_id=notebook_id, tag=tag, archived=archived, limit=limit, offset=offset
    )
    return page_of([NoteSummary.model_validate(n) for n in notes], total, limit, offset)


@router.get("/search", response_model=Page[NoteSummary])
async def search(
    user: CurrentUser,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    mode: Literal["text", "prefix", "contains"] = "text",
    tag: str | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Page[NoteSummary]:
    notes, total = await search_service.search_notes(
        user, q, mode=mode, tag=tag, limit=limit, offset=offset
    )
    return page_of([NoteSummary.model_validate(n) for n in notes], total, limit, offset)


@router.get("/long", response_model=list[NoteSummary])
async def long_notes(
    user: CurrentUser, min_words: Annotated[int, Query(ge=100, le=100_000)] = 1000
) -> list[NoteSummary]:
    notes = await search_service.find_long_notes(user, min_words)
    return [NoteSummary.model_validate(n) for n in notes]


@router.post("", response_model=NoteOut, status_code=status.HTTP_201_CREATED)
async def create_note(body: NoteIn, user: CurrentUser) -> NoteOut:
    note = await note_service.create_note(user, body)
    return NoteOut.model_validate(note)


@router.get("/{note_id}", response_model=NoteOut)
async def get_note(
    note_id: str,
    user: CurrentUser,
    response: Response,
    if_none_match: Annotated[str | None, Header()] = None,
):
    note = NoteOut.model_validate(await note_service.get_note(note_id, user))
    etag = _etag(note)
    if if_none_match == etag:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
    response.headers["ETag"] = etag
    return note


@router.get("/{note_id}/related", response_model=list[NoteSummary])
async def related(note_id: str, user: CurrentUser) -> list[NoteSummary]:
    note = await note_service.get_note(note_id, user)
    return [NoteSummary.model_validate(n) for n in await search_service.related_notes(note, user)]


@router.patch("/{note_id}", response_model=NoteOut)
async def patch_note(note_id: str, body: NotePatch, user: CurrentUser) -> NoteOut:
    note = await note_service.get_note(note_id, user, write=True)
    note = await note_service.update_note(note, user, body)
    return NoteOut.model_validate(note)


@router.delete("/{note_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_note(note_id: str, user: CurrentUser) -> None:
    note = await note_service.get_note(note_id, user)
    await note_service.delete_note(note, user)


@router.get("/{note_id}/export.md", response_class=PlainTextResponse)
async def export_markdown(note_id: str, user: CurrentUser) -> PlainTextResponse:
    note = await note_service.get_note(note_id, user)
    front_matter = "\n".join(
        [
            "---",
            f"title: {note.title!r}",
            f"tags: [{', '.join(note.tags)}]",
            f"updated: {note.updated_at.isoformat()}",
            "---",
            "",
        ]
    )
    filename = (note.title or "note").replace('"', "").replace("/", "-")[:80] or "note"
    return PlainTextResponse(
        front_matter + note.body,
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}.md"'},
    )
