from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel

from app.models.user import utcnow


class Message(SQLModel, table=True):
    __tablename__ = "messages"

    id: Optional[int] = Field(default=None, primary_key=True)
    room_id: int = Field(foreign_key="rooms.id", index=True)
    author_id: Optional[int] = Field(default=None, foreign_key="users.id", index=True)
    body: str = Field(max_length=4000)
    rendered_html: str = ""
    is_system: bool = False
    deleted: bool = False
    created_at: datetime = Field(default_factory=utcnow, index=True)
    edited_at: Optional[datetime] = None
