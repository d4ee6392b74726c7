from datetime import datetime

from pydantic import BaseModel, Field


class RoomCreate(BaseModel):
    slug: str = Field(min_length=2, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1, max_length=120)
    topic: str = Field(default="", max_length=500)
    is_private: bool = False


class RoomUpdate(BaseModel):
    name: str | None = Field(default=None, max_length=120)
    topic: str | None = Field(default=None, max_length=500)


class RoomOut(BaseModel):
    id: int
    slug: str
    name: str
    topic: str
    is_private: bool
    created_at: datetime
    unread: int = 0


class InviteCreate(BaseModel):
    max_uses: int = Field(default=25, ge=1, le=500)
    valid_hours: int = Field(default=72, ge=1, le=24 * 14)


class InviteOut(BaseModel):
    code: str
    url: str
    expires_at: datetime
    max_uses: int
