from __future__ import annotations

from fastapi import APIRouter, status

from inkwell.deps import CurrentUser
from inkwell.models import ShareLink
from inkwell.schemas import ShareCreate, ShareOut
from inkwell.services import note_service, share_service

router = APIRouter(prefix="/notes/{note_id}/shares", tags=["sharing"])


def _out(link: ShareLink) -> ShareOut:
    return ShareOut(
        id=link.id,
        token=link.token,
        url=share_service.share_url(link),
        note_id=link.note_id,
        is_protected=link.is_protected,
        allow_comments=link.allow_comments,
        expires_at=link.expires_at,
        view_count=link.view_count,
        created_at=link.created_at,
    )


@router.get("", response_model=list[ShareOut])
async def list_shares(note_id: str, user: CurrentUser) -> list[ShareOut]:
    note = await note_service.get_note(note_id, user, write=True)
    return [_out(link) for link in await share_service.list_links_for_note(note)]


@router.post("", response_model=ShareOut, status_code=status.HTTP_201_CREATED)
async def create_share(note_id: str, body: ShareCreate, user: CurrentUser) -> ShareOut:
    note = await note_service.get_note(note_id, user, write=True)
    link = await share_service.create_share_link(
        note,
        user,
        password=body.password,
        expires_in_days=body.expires_in_days,
        allow_comments=body.allow_comments,
    )
    return _out(link)


@router.delete("/{link_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_share(note_id: str, link_id: str, user: CurrentUser) -> None:
    note = await note_service.get_note(note_id, user, write=True)
    await share_service.revoke_link(note, link_id)
