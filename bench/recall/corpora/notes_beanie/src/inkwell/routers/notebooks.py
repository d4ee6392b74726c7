from __future__ import annotations

from fastapi import APIRouter, BackgroundTasks, Request, status

from inkwell.config import settings
from inkwell.deps import CurrentUser, limiter
from inkwell.schemas import InviteAcceptIn, InviteIn, NotebookIn, NotebookOut
from inkwell.services import aggregations, note_service

router = APIRouter(prefix="/notebooks", tags=["notebooks"])


@router.get("", response_model=list[NotebookOut])
async def list_notebooks(user: CurrentUser) -> list[NotebookOut]:
    return [NotebookOut.model_validate(nb) for nb in await note_service.list_notebooks(user)]


@router.post("", response_model=NotebookOut, status_code=status.HTTP_201_CREATED)
async def create_notebook(body: NotebookIn, user: CurrentUser) -> NotebookOut:
    notebook = await note_service.create_notebook(user, body.name, body.description)
    return NotebookOut.model_validate(notebook)


@router.get("/{notebook_id}", response_model=NotebookOut)
async def get_notebook(notebook_id: str, user: CurrentUser) -> NotebookOut:
    return NotebookOut.model_validate(await note_service.get_notebook(notebook_id, user))


@router.patch("/{notebook_id}", response_model=NotebookOut)
async def rename_notebook(notebook_id: str, body: NotebookIn, user: CurrentUser) -> NotebookOut:
    notebook = await note_service.get_notebook(notebook_id, user, write=True)
    notebook.name = body.name.strip()
    notebook.description = body.description
    await notebook.save()
    return NotebookOut.model_validate(notebook)


@router.get("/{notebook_id}/activity")
async def notebook_activity(notebook_id: str, user: CurrentUser) -> list[dict]:
    notebook = await note_service.get_notebook(notebook_id, user)
    return await aggregations.notebook_activity(notebook.id)


@router.post("/{notebook_id}/invites", status_code=status.HTTP_201_CREATED)
@limiter.limit(settings.invite_rate_limit)
async def invite_member(
    request: Request,
    notebook_id: str,
    body: InviteIn,
    user: CurrentUser,
    background: BackgroundTasks,
) -> dict[str, str]:
    notebook = await note_service.get_notebook(notebook_id, user, write=True)
    invite = await note_service.create_invite(notebook, user, body.email, body.role, background)
    return {"email": invite.email, "role": invite.role, "expires_at": invite.expires_at.isoformat()}


@router.post("/invites/accept", response_model=NotebookOut)
async def accept_invite(body: InviteAcceptIn, user: CurrentUser) -> NotebookOut:
    notebook = await note_service.accept_invite(body.token, user)
    return NotebookOut.model_validate(notebook)


@router.delete("/{notebook_id}/members/{member_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove_member(notebook_id: str, member_id: str, user: CurrentUser) -> None:
    notebook = await note_service.get_notebook(notebook_id, user)
    await note_service.remove_member(notebook, user, member_id)
