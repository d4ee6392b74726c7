import random
from datetime import datetime, timezone
from enum import Enum
from typing import Optional

from sqlmodel import Field, SQLModel

AVATAR_COLORS = (
    "#F87171",
    "#FB923C",
    "#FBBF24",
    "#34D399",
    "#2DD4BF",
    "#60A5FA",
    "#A78BFA",
    "#F472B6",
)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Role(str, Enum):
    member = "member"
    moderator = "moderator"
    admin = "admin"


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=255)
    display_name: str = Field(max_length=80)
    hashed_password: str
    role: Role = Field(default=Role.member)
    is_active: bool = True
    is_verified: bool = False
    email_bouncing: bool = False
    digest_enabled: bool = True
    avatar_color: str = Field(default_factory=lambda: random.choice(AVATAR_COLORS))
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: Optional[datetime] = None

    @property
    def is_admin(self) -> bool:
        return self.role == Role.admin


class PendingSignup(SQLModel, table=True):
    """A registration waiting for its e-mail address to be confirmed."""

    __tablename__ = "pending_signups"

    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(index=True, max_length=255)
    display_name: str = Field(max_length=80)
    password: str
    verify_token: str = Field(index=True, unique=True)
    created_at: datetime = Field(default_factory=utcnow)


class PasswordReset(SQLModel, table=True):
    __tablename__ = "password_resets"

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    code: str = Field(max_length=12)
    attempts: int = 0
    expires_at: datetime
    used_at: Optional[datetime] = None
    created_at: datetime = Field(default_factory=utcnow)


class RefreshSession(SQLModel, table=True):
    """One row per refresh-token family; rotated on every refresh."""

    __tablename__ = "refresh_sessions"

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    family: str = Field(index=True, unique=True, max_length=64)
    current_jti: str = Field(max_length=64)
    user_agent: Optional[str] = Field(default=None, max_length=255)
    revoked: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    rotated_at: Optional[datetime] = None


class RevokedToken(SQLModel, table=True):
    __tablename__ = "revoked_tokens"

    jti: str = Field(primary_key=True, max_length=64)
    expires_at: datetime
