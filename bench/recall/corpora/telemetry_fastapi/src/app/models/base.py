from datetime import datetime, timezone

from sqlalchemy import DateTime
from sqlmodel import Field


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def created_at_field() -> datetime:
    return Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)


def optional_ts_field() -> datetime | None:
    return Field(default=None, sa_type=DateTime(timezone=True), nullable=True)
