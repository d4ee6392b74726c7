"""Organisations, people and their credentials."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Organization(SQLModel, table=True):
    __tablename__ = "organization"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    slug: str = Field(max_length=80, unique=True, index=True)
    timezone: str = Field(default="UTC", max_length=64)
    announcement: Optional[str] = None
    # free-form per-org knobs edited by org admins (retention, reminder lead time...)
    settings: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class User(SQLModel, table=True):
    __tablename__ = "app_user"

    id: Optional[int] = Field(default=None, primary_key=True)
    org_id: int = Field(foreign_key="organization.id", index=True)
    email: str = Field(max_length=320, unique=True, index=True)
    display_name: str = Field(max_length=120)
    # null for accounts that only ever signed in with Google
    hashed_password: Optional[str] = Field(default=None, max_length=255)
    google_sub: Optional[str] = Field(default=None, unique=True, index=True)
    phone: Optional[str] = Field(default=None, max_length=32)
    bio: Optional[str] = None
    skills: Optional[str] = None  # comma separated, lower case
    role: str = Field(default="volunteer", max_length=20)  # volunteer | coordinator | admin
    is_active: bool = True
    is_staff: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: Optional[datetime] = None

    @property
    def skill_list(self) -> list[str]:
        return [s.strip() for s in (self.skills or "").split(",") if s.strip()]

    @property
    def is_coordinator(self) -> bool:
        return self.role in {"coordinator", "admin"}


class UserSession(SQLModel, table=True):
    """Server-side sessions: browser cookies, admin cookies and refresh tokens."""

    __tablename__ = "user_session"

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    kind: str = Field(default="web", max_length=16)  # web | admin | refresh
    user_agent: Optional[str] = Field(default=None, max_length=255)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: Optional[datetime] = None


class PasswordReset(SQLModel, table=True):
    __tablename__ = "password_reset"

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: Optional[datetime] = None


class Invite(SQLModel, table=True):
    __tablename__ = "invite"

    id: Optional[int] = Field(default=None, primary_key=True)
    org_id: int = Field(foreign_key="organization.id", index=True)
    email: str = Field(max_length=320, index=True)
    code: str = Field(max_length=32, unique=True, index=True)
    role: str = Field(default="volunteer", max_length=20)
    invited_by: Optional[int] = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    accepted_at: Optional[datetime] = None
