from datetime import datetime
from typing import Any, Literal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, EmailStr, Field


class Message(BaseModel):
    message: str


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


class TokenPayload(BaseModel):
    sub: str | None = None
    typ: str | None = None


class NewPassword(BaseModel):
    token: str
    new_password: str = Field(min_length=8, max_length=40)


class UpdatePassword(BaseModel):
    current_password: str = Field(min_length=8, max_length=40)
    new_password: str = Field(min_length=8, max_length=40)


class UserCreate(BaseModel):
    email: EmailStr
    full_name: str | None = Field(default=None, max_length=255)
    password: str = Field(min_length=8, max_length=40)
    is_superuser: bool = False


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: EmailStr
    full_name: str | None
    is_active: bool
    is_superuser: bool
    email_verified: bool


class ApiClientCreate(BaseModel):
    name: str = Field(min_length=1, max_length=120)


class ApiClientPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    key_prefix: str
    created_at: datetime
    revoked_at: datetime | None


class ApiClientCreated(ApiClientPublic):
    api_key: str


class WebhookCreate(BaseModel):
    url: AnyHttpUrl
    event_types: list[str] = Field(default_factory=lambda: ["*"])


class WebhookPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    url: str
    event_types: list[str]
    is_active: bool
    created_at: datetime


class WebhookCreated(WebhookPublic):
    secret: str


class TemplateCreate(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    channel: Literal["email", "sms", "push"]
    subject: str | None = None
    body: str


class TemplateUpdate(BaseModel):
    subject: str | None = None
    body: str | None = None


class TemplatePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    channel: str
    subject: str | None
    body: str
    updated_at: datetime


class RenderRequest(BaseModel):
    data: dict[str, Any] = Field(default_factory=dict)


class NotificationCreate(BaseModel):
    channel: Literal["email", "sms", "webhook"]
    recipient: str | None = None
    template: str | None = None
    event: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)


class NotificationAccepted(BaseModel):
    id: int
    status: str
