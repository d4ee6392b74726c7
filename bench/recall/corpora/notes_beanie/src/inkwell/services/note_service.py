"""Notes and notebooks: access control and CRUD."""
from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from beanie import PydanticObjectId
from beanie.operators import In, Or
from fastapi import BackgroundTasks

from inkwell.config import settings
from inkwell.exceptions import Conflict, NotFound, PermissionDenied
from inkwell.models import Member, Note, Notebook, NotebookInvite, User
from inkwell.schemas import NoteIn, NotePatch
from inkwell.services.email import queue_email
from inkwell.utils import parse_object_id, utcnow

logger = logging.getLogger(__name__)

INVITE_TTL = timedelta(days=7)
_WRITE_ROLES = {"owner", "editor"}


# --- notebooks --------------------------------------------------------------------------------


async def accessible_notebook_ids(user_id: PydanticObjectId) -> list[PydanticObjectId]:
    collection = Notebook.get_motor_collection()
    ids = await collection.distinct(
        "_id", {"$or": [{"owner_id": user_id}, {"members.user_id": user_id}]}
    )
    return [PydanticObjectId(i) for i in ids]


async def list_notebooks(user: User) -> list[Notebook]:
    return await Notebook.find(
        Or(Notebook.owner_id == user.id, {"members.user_id": user.id})
    ).sort("+name").to_list()


async def get_notebook(notebook_id: str, user: User, *, write: bool = False) -> Notebook:
    notebook = await Notebook.get(parse_object_id(notebook_id, "Notebook"))
    if notebook is None:
        raise NotFound("Notebook not found")
    role = notebook.role_of(user.id)
    if role is None:
        raise NotFound("Notebook not found")
    if write and role not in _WRITE_ROLES:
        raise PermissionDenied("You can only read this notebook")
    return notebook


async def create_notebook(user: User, name: str, description: str = "") -> Notebook:
    notebook = Notebook(
        name=name.strip(),
        description=description,
        owner_id=user.id,
        members=[Member(user_id=user.id, role="owner")],
    )
    return await notebook.insert()


async def create_invite(
    notebook: Notebook, inviter: User, email: str, role: str, background: BackgroundTasks
) -> NotebookInvite:
    if notebook.role_of(inviter.id) != "owner":
        raise PermissionDenied("Only the owner can invite people")
    email = email.strip().lower()
    notebook.invites = [i for i in notebook.invites if i.email != email]
    invite = NotebookInvite(
        email=email,
        token=uuid.uuid1().hex,
        role=role,
        invited_by=inviter.id,
        expires_at=utcnow() + INVITE_TTL,
    )
    notebook.invites.append(invite)
    await notebook.save()

    queue_email(
        background,
        "invite.html",
        to=email,
        subject=f"{inviter.display_name} invited you to “{notebook.name}” on Inkwell",
        inviter=inviter.display_name,
        notebook=notebook.name,
        link=f"{settings.public_base_url}/app/invites/{invite.token}",
    )
    return invite


async def accept_invite(token: str, user: User) -> Notebook:
    notebook = await Notebook.find_one({"invites.token": token})
    if notebook is None:
        raise NotFound("Invite not found")
    invite = next(i for i in notebook.invites if i.token == token)
    if invite.expires_at < utcnow():
        raise PermissionDenied("This invite has expired")
    if invite.email != user.email:
        raise PermissionDenied("This invite was sent to a different address")
    if notebook.role_of(user.id) is None:
        notebook.members.append(Member(user_id=user.id, role=invite.role))
    notebook.invites = [i for i in notebook.invites if i.token != token]
    await notebook.save()
    return notebook


async def remove_member(notebook: Notebook, actor: User, member_id: str) -> None:
    target = parse_object_id(member_id, "Member")
    if target == notebook.owner_id:
        raise Conflict("The owner can't be removed; transfer ownership first")
    if actor.id != target and notebook.role_of(actor.id) != "owner":
        raise PermissionDenied("Only the owner can remove other members")
    notebook.members = [m for m in notebook.members if m.user_id != target]
    await notebook.save()


# --- notes ------------------------------------------------------------------------------------


async def _role_for_note(note: Note, user_id: PydanticObjectId) -> str | None:
    if note.owner_id == user_id:
        return "owner"
    if note.notebook_id is None:
        return None
    notebook = await Notebook.get(note.notebook_id)
    return notebook.role_of(user_id) if notebook else None


async def get_note_for_user_id(
    note_id: str | PydanticObjectId, user_id: PydanticObjectId, *, write: bool = False
) -> Note:
    oid = note_id if isinstance(note_id, PydanticObjectId) else parse_object_id(note_id, "Note")
    note = await Note.get(oid)
    if note is None:
        raise NotFound("Note not found")
    role = await _role_for_note(note, user_id)
    if role is None:
        raise NotFound("Note not found")
    if write and role not in _WRITE_ROLES:
        raise PermissionDenied("You can only read this note")
    return note


async def get_note(note_id: str, user: User, *, write: bool = False) -> Note:
    return await get_note_for_user_id(note_id, user.id, write=write)


async def list_notes(
    user: User,
    *,
    notebook_id: str | None = None,
    tag: str | None = None,
    archived: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Note], int]:
    if notebook_id:
        notebook = await get_notebook(notebook_id, user)
        query = Note.find(Note.notebook_id == notebook.id)
    else:
        notebooks = await accessible_notebook_ids(user.id)
        query = Note.find(Or(Note.owner_id == user.id, In(Note.notebook_id, notebooks)))
    query = query.find(Note.is_archived == archived)
    if tag:
        query = query.find(Note.tags == tag)
    total = await query.count()
    notes = await query.sort("-pinned", "-updated_at").skip(offset).limit(limit).to_list()
    return notes, total


async def create_note(user: User, data: NoteIn) -> Note:
    if data.notebook_id is not None:
        await get_notebook(str(data.notebook_id), user, write=True)
    note = Note(
        owner_id=user.id,
        notebook_id=data.notebook_id,
        title=data.title,
        body=data.body,
        tags=data.tags,
        last_editor_id=user.id,
        word_count=len(data.body.split()),
    )
    return await note.insert()


async def update_note(note: Note, user: User, patch: NotePatch) -> Note:
    if patch.base_version is not None and patch.base_version != note.version:
        raise Conflict("The note changed since you loaded it")
    changes = patch.model_dump(exclude_unset=True, exclude={"base_version"})
    if "notebook_id" in changes and changes["notebook_id"] is not None:
        await get_notebook(str(changes["notebook_id"]), user, write=True)
    for field, value in changes.items():
        setattr(note, field, value)
    note.touch(editor_id=user.id)
    await note.save()
    return note


async def delete_note(note: Note, user: User) -> None:
    if note.owner_id != user.id:
        raise PermissionDenied("Only the owner can delete a note")
    from inkwell.models import Comment, ShareLink

    await ShareLink.find(ShareLink.note_id == note.id).delete()
    await Comment.find(Comment.note_id == note.id).delete()
    await note.delete()


async def copy_note(source: Note, user: User) -> Note:
    copy = Note(
        owner_id=user.id,
        title=f"{source.title} (copy)" if source.title else "Untitled (copy)",
        body=source.body,
        tags=list(source.tags),
        last_editor_id=user.id,
        word_count=source.word_count,
    )
    return await copy.insert()
