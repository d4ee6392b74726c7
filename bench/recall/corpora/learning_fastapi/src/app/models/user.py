from datetime import datetime
from enum import Enum

from sqlmodel import Field, SQLModel


class Role(str, Enum):
    student = "student"
    instructor = "instructor"
    admin = "admin"


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True)
    email: str = Field(index=True)
    full_name: str
    display_name: str = ""
    hashed_password: str
    role: Role = Role.student
    is_active: bool = True
    created_at: datetime = Field(default_factory=datetime.utcnow)


class PasswordResetToken(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id")
    token: str = Field(index=True)
    expires_at: datetime
    used: bool = False
