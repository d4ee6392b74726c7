from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

Level = Literal["A1", "A2", "B1", "B2", "C1", "C2"]


class CourseIn(BaseModel):
    title: str = Field(min_length=3, max_length=200)
    language: str = Field(min_length=2, max_length=32)
    level: Level
    description: str = ""
    summary_md: str = ""
    tags: list[str] = Field(default_factory=list, max_length=12)
    price_cents: int = Field(default=0, ge=0)


class CourseUpdate(BaseModel):
    title: str | None = Field(default=None, min_length=3, max_length=200)
    description: str | None = None
    summary_md: str | None = None
    tags: list[str] | None = Field(default=None, max_length=12)
    price_cents: int | None = Field(default=None, ge=0)


class CourseOut(BaseModel):
    id: int
    title: str
    slug: str
    language: str
    level: str
    description: str
    summary_html: str
    tags: list[str]
    price_cents: int

    model_config = {"from_attributes": True}


class LessonOut(BaseModel):
    id: int
    title: str
    starts_at: datetime
    duration_minutes: int
    is_live: bool

    model_config = {"from_attributes": True}


class CommentIn(BaseModel):
    body: str = Field(min_length=1, max_length=4000)


class InviteOut(BaseModel):
    code: str
    expires_at: datetime
    max_uses: int


class JoinIn(BaseModel):
    code: str = Field(min_length=6, max_length=16)


class QuizAnswerIn(BaseModel):
    answers: dict[int, int]
