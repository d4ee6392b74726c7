"""Shifts, sign-ups and report exports."""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel

from .accounts import utcnow

SHIFT_STATUSES = ("draft", "open", "full", "cancelled")
SIGNUP_STATUSES = ("confirmed", "standby", "cancelled", "no_show")


class Shift(SQLModel, table=True):
    __tablename__ = "shift"

    id: Optional[int] = Field(default=None, primary_key=True)
    org_id: int = Field(foreign_key="organization.id", index=True)
    title: str = Field(max_length=200)
    location: Optional[str] = Field(default=None, max_length=200)
    starts_at: datetime = Field(index=True)
    ends_at: datetime
    capacity: int = Field(default=1, ge=1)
    status: str = Field(default="open", max_length=16)
    notes: Optional[str] = None
    attachment_path: Optional[str] = Field(default=None, max_length=255)
    created_by: Optional[int] = Field(default=None, foreign_key="app_user.id")
    reminder_sent_at: Optional[datetime] = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    @property
    def duration_hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600


class ShiftSignup(SQLModel, table=True):
    __tablename__ = "shift_signup"

    id: Optional[int] = Field(default=None, primary_key=True)
    shift_id: int = Field(foreign_key="shift.id", index=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    status: str = Field(default="confirmed", max_length=16)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ExportJob(SQLModel, table=True):
    __tablename__ = "export_job"

    id: str = Field(primary_key=True, max_length=32)
    org_id: int = Field(foreign_key="organization.id", index=True)
    requested_by: int = Field(foreign_key="app_user.id")
    kind: str = Field(default="hours", max_length=32)
    status: str = Field(default="pending", max_length=16)  # pending | done | failed
    file_name: Optional[str] = Field(default=None, max_length=255)
    created_at: datetime = Field(default_factory=utcnow)
    finished_at: Optional[datetime] = None
