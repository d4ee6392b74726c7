from datetime import datetime
from typing import Any

from sqlalchemy import Column, DateTime, Index
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel


class Event(SQLModel, table=True):
    """Raw events. In production this is a Timescale hypertable on ``ts``."""

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_project_name_ts", "project_id", "name", "ts"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="projects.id")
    name: str = Field(max_length=200)
    distinct_id: str = Field(max_length=200)
    ts: datetime = Field(sa_type=DateTime(timezone=True))
    properties: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONB))


class EventName(SQLModel, table=True):
    """Distinct event names per project, used for autocomplete in the dashboard."""

    __tablename__ = "event_names"

    project_id: int = Field(foreign_key="projects.id", primary_key=True)
    name: str = Field(max_length=200, primary_key=True)
    last_seen: datetime = Field(sa_type=DateTime(timezone=True))
