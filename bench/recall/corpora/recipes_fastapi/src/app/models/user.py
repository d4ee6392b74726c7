from datetime import datetime
from typing import Any, Dict, Literal, Optional

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from app.models.common import PyObjectId

Role = Literal["user", "moderator", "admin"]


class UserBase(BaseModel):
    email: EmailStr
    full_name: Optional[str] = Field(default=None, max_length=120)
    bio: Optional[str] = Field(default=None, max_length=1000)


class UserCreate(UserBase):
    password: str = Field(min_length=8, max_length=128)
    password_confirm: str

    @model_validator(mode="after")
    def passwords_match(self) -> "UserCreate":
        if self.password != self.password_confirm:
            raise ValueError("passwords do not match")
        return self


class AdminUserCreate(UserCreate):
    role: Role = "user"
    is_verified: bool = True


class UserUpdate(BaseModel):
    full_name: Optional[str] = Field(default=None, max_length=120)
    bio: Optional[str] = Field(default=None, max_length=1000)
    website: Optional[str] = Field(default=None, max_length=200)


class PasswordChange(BaseModel):
    current_password: str
    new_password: str = Field(min_length=8, max_length=128)


class RoleUpdate(BaseModel):
    role: Role


class UserOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: PyObjectId = Field(alias="_id")
    email: EmailStr
    full_name: Optional[str] = None
    bio: Optional[str] = None
    website: Optional[str] = None
    role: Role = "user"
    is_verified: bool = False
    avatar_url: Optional[str] = None
    created_at: Optional[datetime] = None


class UserPublic(BaseModel):
    id: str
    full_name: Optional[str] = None
    bio: Optional[str] = None
    avatar_url: Optional[str] = None
    recipe_count: int = 0


class ApiKeyOut(BaseModel):
    api_key: str
    created_at: datetime


def user_to_out(doc: Dict[str, Any], avatar_url: Optional[str] = None) -> UserOut:
    data = dict(doc)
    if avatar_url:
        data["avatar_url"] = avatar_url
    return UserOut.model_validate(data)
