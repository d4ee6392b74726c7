"""Request / response bodies for the JSON API."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from beanie import PydanticObjectId
from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from inkwell.utils import normalise_tags


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# --- auth -------------------------------------------------------------------------------------


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_at: datetime


class RefreshIn(BaseModel):
    refresh_token: str


class RegisterIn(BaseModel):
    email: EmailStr
    display_name: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=10, max_length=256)


class VerifyEmailIn(BaseModel):
    token: str


class ForgotPasswordIn(BaseModel):
    email: EmailStr


class ResetPasswordIn(BaseModel):
    email: EmailStr
    code: str = Field(pattern=r"^\d{6}$")
    new_password: str = Field(min_length=10, max_length=256)


class PasswordChangeIn(BaseModel):
    current_password: str
    new_password: str = Field(min_length=10, max_length=256)


# --- users ------------------------------------------------------------------------------------


class UserOut(_Out):
    id: PydanticObjectId
    email: EmailStr
    display_name: str
    bio: str
    avatar_url: str | None
    email_verified: bool
    is_admin: bool
    created_at: datetime


class ProfileUpdate(BaseModel):
    display_name: str | None = Field(default=None, min_length=1, max_length=80)
    bio: str | None = Field(default=None, max_length=2000)
    avatar_url: str | None = Field(default=None, max_length=500)
    digest_opt_in: bool | None = None


class AdminUserOut(UserOut):
    is_active: bool
    last_login_at: datetime | None


# --- notes ------------------------------------------------------------------------------------


class NoteIn(BaseModel):
    title: str = Field(default="", max_length=300)
    body: str = Field(default="", max_length=500_000)
    tags: list[str] = Field(default_factory=list)
    notebook_id: PydanticObjectId | None = None

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        return normalise_tags(value)


class NotePatch(BaseModel):
    title: str | None = Field(default=None, max_length=300)
    body: str | None = Field(default=None, max_length=500_000)
    tags: list[str] | None = None
    pinned: bool | None = None
    is_archived: bool | None = None
    notebook_id: PydanticObjectId | None = None
    base_version: int | None = None

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str] | None) -> list[str] | None:
        return normalise_tags(value) if value is not None else None


class NoteOut(_Out):
    id: PydanticObjectId
    owner_id: PydanticObjectId
    notebook_id: PydanticObjectId | None
    title: str
    body: str
    tags: list[str]
    pinned: bool
    is_archived: bool
    word_count: int
    version: int
    created_at: datetime
    updated_at: datetime


class NoteSummary(_Out):
    id: PydanticObjectId
    title: str
    tags: list[str]
    pinned: bool
    updated_at: datetime


# --- notebooks --------------------------------------------------------------------------------


class NotebookIn(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    description: str = Field(default="", max_length=1000)


class MemberOut(_Out):
    user_id: PydanticObjectId
    role: str
    joined_at: datetime


class NotebookOut(_Out):
    id: PydanticObjectId
    name: str
    description: str
    owner_id: PydanticObjectId
    members: list[MemberOut]
    created_at: datetime


class InviteIn(BaseModel):
    email: EmailStr
    role: Literal["editor", "viewer"] = "editor"


class InviteAcceptIn(BaseModel):
    token: str


# --- sharing ----------------------------------------------------------------------------------


class ShareCreate(BaseModel):
    password: str | None = Field(default=None, min_length=4, max_length=128)
    expires_in_days: int | None = Field(default=None, ge=1, le=365)
    allow_comments: bool = True


class ShareOut(_Out):
    id: PydanticObjectId
    token: str
    url: str
    note_id: PydanticObjectId
    is_protected: bool
    allow_comments: bool
    expires_at: datetime | None
    view_count: int
    created_at: datetime


# --- admin / analytics ------------------------------------------------------------------------


class ActivityQuery(BaseModel):
    # e-mail addresses as they were recorded at event time (users may have changed theirs since)
    emails: list[str] = Field(min_length=1, max_length=200)
    since: datetime | None = None


class SuspendIn(BaseModel):
    reason: str = Field(min_length=3, max_length=500)
