"""Request and response bodies for the JSON API."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Scope = Literal["keys:read", "keys:write", "usage:read"]
AVAILABLE_SCOPES: tuple[str, ...] = ("keys:read", "keys:write", "usage:read")


class ApiKeyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    label: str
    description: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The full key. It is shown once and cannot be retrieved later.")


class ApiKeyCreate(BaseModel):
    label: str = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=2000)
    scopes: list[Scope] = Field(default_factory=lambda: ["usage:read"])


class TokenRequest(BaseModel):
    api_key: str = Field(min_length=10, max_length=200)


class RefreshRequest(BaseModel):
    refresh_token: str = Field(max_length=4096)


class PartnerAssertionRequest(BaseModel):
    partner: str = Field(max_length=40)
    assertion: str = Field(max_length=8192)


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int


class EndpointUsage(BaseModel):
    endpoint: str
    requests: int
    errors: int
    p95_ms: int | None = None


class DailyPoint(BaseModel):
    day: date
    requests: int
    errors: int
