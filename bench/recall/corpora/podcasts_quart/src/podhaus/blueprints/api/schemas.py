"""Request/response models for Quart-Schema (pydantic)."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, EmailStr, Field


class TokenRequest(BaseModel):
    email: EmailStr
    password: str = Field(min_length=1, max_length=512)
    scopes: list[Literal["shows:read", "episodes:read", "episodes:write", "analytics:read"]] = [
        "shows:read",
        "episodes:read",
    ]


class RefreshRequest(BaseModel):
    refresh_token: str


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "Bearer"
    expires_in: int


class ShowOut(BaseModel):
    id: int
    slug: str
    title: str
    author: str
    description: str
    category: str | None = None
    explicit: bool = False
    feed_url: str


class ShowList(BaseModel):
    shows: list[ShowOut]
    page: int


class EpisodeOut(BaseModel):
    id: int
    slug: str
    title: str
    summary: str | None = None
    season: int | None = None
    number: int | None = None
    duration_seconds: int | None = None
    status: str
    published_at: datetime | None = None


class EpisodeList(BaseModel):
    episodes: list[EpisodeOut]


class EpisodeIn(BaseModel):
    title: str = Field(min_length=1, max_length=300)
    summary: str = ""
    notes: str = ""
    season: int | None = None
    number: int | None = None
    episode_type: Literal["full", "trailer", "bonus"] = "full"
    explicit: bool = False


class EpisodePatch(BaseModel):
    title: str | None = Field(default=None, max_length=300)
    summary: str | None = None
    notes: str | None = None
    season: int | None = None
    number: int | None = None
    explicit: bool | None = None


class ListQuery(BaseModel):
    page: int = 1
    order: Literal["newest", "updated", "title", "popular"] = "newest"
