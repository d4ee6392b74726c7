"""Pydantic models for forms, API payloads and responses."""
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, EmailStr, Field, field_validator, model_validator

EventCategory = Literal["outdoors", "tech", "music", "food", "games", "community", "other"]
RsvpStatus = Literal["going", "maybe", "not_going"]


class _PasswordPair(BaseModel):
    password: str = Field(min_length=10, max_length=128)
    password_confirm: str

    @model_validator(mode="after")
    def passwords_match(self):
        if self.password != self.password_confirm:
            raise ValueError("The two passwords do not match.")
        return self


class RegistrationForm(_PasswordPair):
    email: EmailStr
    display_name: str = Field(min_length=2, max_length=60)

    @field_validator("email")
    @classmethod
    def normalise_email(cls, value: str) -> str:
        return value.strip().lower()

    @field_validator("display_name")
    @classmethod
    def strip_name(cls, value: str) -> str:
        return " ".join(value.split())


class PasswordResetForm(_PasswordPair):
    token: str = Field(min_length=20, max_length=2048)


class TokenRequest(BaseModel):
    email: EmailStr
    password: str = Field(max_length=128)
    device_name: str | None = Field(default=None, max_length=80)


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int


class EventForm(BaseModel):
    title: str = Field(min_length=3, max_length=120)
    description: str = Field(default="", max_length=10_000)
    venue: str = Field(min_length=2, max_length=200)
    venue_notes: str = Field(default="", max_length=2_000)
    city: str = Field(min_length=2, max_length=80)
    category: EventCategory = "community"
    starts_at: datetime
    capacity: int | None = Field(default=None, ge=1, le=5_000)
    passcode: str | None = Field(default=None, min_length=4, max_length=64)

    @field_validator("capacity", "passcode", mode="before")
    @classmethod
    def blank_is_none(cls, value):
        return None if value in ("", None) else value


class EventSummary(BaseModel):
    slug: str
    title: str
    city: str
    category: str
    starts_at: datetime
    going: int = 0
    capacity: int | None = None


class RsvpIn(BaseModel):
    status: RsvpStatus


class ChatMessageIn(BaseModel):
    body: str = Field(min_length=1, max_length=1_000)

    @field_validator("body")
    @classmethod
    def not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("empty message")
        return value
