from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from beanie import Document, Indexed, PydanticObjectId
from pydantic import BaseModel, EmailStr, Field
from pymongo import ASCENDING, DESCENDING, TEXT, IndexModel

from inkwell.utils import utcnow

Role = Literal["owner", "editor", "viewer"]


class Note(Document):
    owner_id: Annotated[PydanticObjectId, Indexed()]
    notebook_id: PydanticObjectId | None = None
    title: str = ""
    body: str = ""
    tags: list[str] = Field(default_factory=list)
    is_archived: bool = False
    pinned: bool = False
    word_count: int = 0
    version: int = 1
    last_editor_id: PydanticObjectId | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "notes"
        indexes = [
            IndexModel([("owner_id", ASCENDING), ("updated_at", DESCENDING)]),
            IndexModel([("notebook_id", ASCENDING), ("updated_at", DESCENDING)]),
            IndexModel([("tags", ASCENDING)]),
            IndexModel([("title", TEXT), ("body", TEXT)], name="note_text", weights={"title": 5}),
        ]

    def touch(self, editor_id: PydanticObjectId | None = None) -> None:
        self.updated_at = utcnow()
        self.version += 1
        self.word_count = len(self.body.split())
        if editor_id is not None:
            self.last_editor_id = editor_id


class Member(BaseModel):
    user_id: PydanticObjectId
    role: Role = "editor"
    joined_at: datetime = Field(default_factory=utcnow)


class NotebookInvite(BaseModel):
    email: EmailStr
    token: str
    role: Literal["editor", "viewer"] = "editor"
    invited_by: PydanticObjectId
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


class Notebook(Document):
    name: str
    description: str = ""
    owner_id: Annotated[PydanticObjectId, Indexed()]
    members: list[Member] = Field(default_factory=list)
    invites: list[NotebookInvite] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "notebooks"
        indexes = [
            IndexModel([("members.user_id", ASCENDING)]),
            IndexModel([("invites.token", ASCENDING)], sparse=True),
        ]

    def role_of(self, user_id: PydanticObjectId) -> Role | None:
        if self.owner_id == user_id:
            return "owner"
        for member in self.members:
            if member.user_id == user_id:
                return member.role
        return None


class ShareLink(Document):
    token: Annotated[str, Indexed(unique=True)]
    note_id: Annotated[PydanticObjectId, Indexed()]
    created_by: PydanticObjectId
    password_hash: str | None = None
    password_salt: str | None = None
    allow_comments: bool = True
    expires_at: datetime | None = None
    revoked: bool = False
    view_count: int = 0
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "share_links"

    @property
    def is_live(self) -> bool:
        if self.revoked:
            return False
        return self.expires_at is None or self.expires_at > utcnow()

    @property
    def is_protected(self) -> bool:
        return self.password_hash is not None


class Comment(Document):
    share_id: Annotated[PydanticObjectId, Indexed()]
    note_id: PydanticObjectId
    author_id: PydanticObjectId
    author_name: str
    body: str
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "comments"
