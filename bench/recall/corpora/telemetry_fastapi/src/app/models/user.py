from datetime import datetime

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel

from app.models.base import created_at_field, optional_ts_field


class UserBase(SQLModel):
    email: str = Field(index=True, unique=True, max_length=320)
    full_name: str | None = Field(default=None, max_length=200)
    is_active: bool = True
    is_superuser: bool = False


class User(UserBase, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    hashed_password: str = Field(max_length=255)
    created_at: datetime = created_at_field()
    last_login_at: datetime | None = optional_ts_field()
    email_reports: bool = True


class UserRead(UserBase):
    id: int
    created_at: datetime


class PasswordReset(SQLModel, table=True):
    __tablename__ = "password_resets"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    token_hash: str = Field(index=True, max_length=64)
    expires_at: datetime = Field(sa_type=DateTime(timezone=True))
    used_at: datetime | None = optional_ts_field()
    created_at: datetime = created_at_field()
