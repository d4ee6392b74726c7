from datetime import datetime
from enum import Enum

from sqlalchemy import DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.models.base import created_at_field, optional_ts_field


class Role(str, Enum):
    owner = "owner"
    admin = "admin"
    viewer = "viewer"


class Plan(str, Enum):
    free = "free"
    starter = "starter"
    growth = "growth"


class ProjectBase(SQLModel):
    name: str = Field(max_length=120)
    description: str | None = Field(default=None, max_length=2000)
    readme: str | None = None
    timezone: str = "UTC"


class Project(ProjectBase, table=True):
    __tablename__ = "projects"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=64)
    plan: Plan = Plan.free
    status: str = "active"
    stripe_customer_id: str | None = Field(default=None, index=True)
    share_slug: str | None = Field(default=None, index=True, unique=True)
    monthly_event_quota: int = 1_000_000
    created_at: datetime = created_at_field()


class ProjectCreate(ProjectBase):
    pass


class ProjectUpdate(SQLModel):
    name: str | None = None
    description: str | None = None
    readme: str | None = None
    timezone: str | None = None


class ProjectRead(ProjectBase):
    id: int
    slug: str
    plan: Plan
    status: str
    created_at: datetime


class ProjectMember(SQLModel, table=True):
    __tablename__ = "project_members"
    __table_args__ = (UniqueConstraint("project_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="projects.id", index=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    role: Role = Role.viewer
    created_at: datetime = created_at_field()


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_keys"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="projects.id", index=True)
    name: str = Field(max_length=80)
    prefix: str = Field(max_length=16, index=True)
    key_hash: str = Field(max_length=64, unique=True)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = created_at_field()
    last_used_at: datetime | None = optional_ts_field()
    revoked_at: datetime | None = optional_ts_field()


class ApiKeyRead(SQLModel):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class Invite(SQLModel, table=True):
    __tablename__ = "invites"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="projects.id", index=True)
    email: str = Field(max_length=320)
    role: Role = Role.viewer
    token: str = Field(index=True, unique=True, max_length=64)
    invited_by_id: int = Field(foreign_key="users.id")
    expires_at: datetime = Field(sa_type=DateTime(timezone=True))
    accepted_at: datetime | None = optional_ts_field()
    created_at: datetime = created_at_field()
