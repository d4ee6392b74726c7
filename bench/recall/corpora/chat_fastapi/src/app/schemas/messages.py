from datetime import datetime

from pydantic import BaseModel, Field


class MessageCreate(BaseModel):
    body: str = Field(min_length=1, max_length=4000)


class MessageOut(BaseModel):
    id: int
    room_id: int
    author_id: int | None
    author_name: str | None = None
    body: str
    rendered_html: str
    is_system: bool
    created_at: datetime
    edited_at: datetime | None = None


class MessagePage(BaseModel):
    items: list[MessageOut]
    next_before: int | None = None


class SearchHit(BaseModel):
    id: int
    room_id: int
    room_slug: str
    author_name: str | None
    body: str
    created_at: datetime
