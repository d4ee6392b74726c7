import uuid
from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel

from app.models.user import utcnow


class Room(SQLModel, table=True):
    __tablename__ = "rooms"

    id: Optional[int] = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=64)
    name: str = Field(max_length=120)
    topic: str = Field(default="", max_length=500)
    is_private: bool = False
    archived: bool = False
    created_by: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow)


class RoomMember(SQLModel, table=True):
    __tablename__ = "room_members"

    room_id: int = Field(foreign_key="rooms.id", primary_key=True)
    user_id: int = Field(foreign_key="users.id", primary_key=True)
    is_owner: bool = False
    muted: bool = False
    last_read_message_id: Optional[int] = None
    joined_at: datetime = Field(default_factory=utcnow)


class RoomInvite(SQLModel, table=True):
    __tablename__ = "room_invites"

    id: Optional[int] = Field(default=None, primary_key=True)
    room_id: int = Field(foreign_key="rooms.id", index=True)
    code: str = Field(default_factory=lambda: uuid.uuid1().hex, index=True, unique=True)
    created_by: int = Field(foreign_key="users.id")
    max_uses: int = 25
    uses: int = 0
    expires_at: datetime
    created_at: datetime = Field(default_factory=utcnow)
