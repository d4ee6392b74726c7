"""Small helpers shared across the package."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Generic, Sequence, TypeVar

from beanie import PydanticObjectId
from bson.errors import InvalidId
from pydantic import BaseModel

from inkwell.exceptions import NotFound

T = TypeVar("T")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def parse_object_id(value: str, what: str = "Object") -> PydanticObjectId:
    try:
        return PydanticObjectId(value)
    except (InvalidId, TypeError) as exc:
        raise NotFound(f"{what} not found") from exc


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.items) < self.total


def page_of(items: Sequence[T], total: int, limit: int, offset: int) -> Page[T]:
    return Page[T](items=list(items), total=total, limit=limit, offset=offset)


def chunked(seq: Sequence[T], size: int) -> list[Sequence[T]]:
    return [seq[i : i + size] for i in range(0, len(seq), size)]


def normalise_tags(tags: Sequence[str]) -> list[str]:
    seen: list[str] = []
    for tag in tags:
        cleaned = tag.strip().lower().lstrip("#")
        if cleaned and cleaned not in seen:
            seen.append(cleaned[:40])
    return seen[:25]
