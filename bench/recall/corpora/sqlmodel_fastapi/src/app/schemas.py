from datetime import datetime

from pydantic import BaseModel, EmailStr, Field, model_validator


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"


class RefreshRequest(BaseModel):
    refresh_token: str


class RegisterRequest(BaseModel):
    email: EmailStr
    full_name: str = Field(min_length=1, max_length=120)
    password: str = Field(min_length=10, max_length=128)
    invite_code: str | None = None


class PasswordResetRequest(BaseModel):
    email: EmailStr


class PasswordResetConfirm(BaseModel):
    token: str
    new_password: str = Field(min_length=10, max_length=128)


class UserRead(BaseModel):
    id: int
    email: EmailStr
    full_name: str
    role: str
    email_verified: bool
    team_id: int | None = None


class SpaceRead(BaseModel):
    id: int
    name: str
    slug: str
    city: str
    capacity: int
    hourly_rate_cents: int
    amenities: list[str] = []


class SpaceCreate(BaseModel):
    name: str = Field(max_length=160)
    city: str = Field(max_length=80)
    description: str = ""
    amenities: list[str] = []
    capacity: int = Field(gt=0, le=500)
    hourly_rate_cents: int = Field(gt=0)


class BookingCreate(BaseModel):
    space_id: int
    starts_at: datetime
    ends_at: datetime

    @model_validator(mode="after")
    def check_range(self) -> "BookingCreate":
        if self.ends_at <= self.starts_at:
            raise ValueError("ends_at must be after starts_at")
        return self


class BookingRead(BaseModel):
    id: int
    space_id: int
    space_name: str | None = None
    starts_at: datetime
    ends_at: datetime
    status: str


class InvoiceUpdate(BaseModel):
    billing_name: str | None = Field(default=None, max_length=200)
    billing_notes: str | None = Field(default=None, max_length=2000)


class ApiKeyCreated(BaseModel):
    id: int
    prefix: str
    key: str


class InviteCreated(BaseModel):
    code: str
    expires_at: datetime
    url: str


class DoorPinUpdate(BaseModel):
    pin: str = Field(pattern=r"^\d{6}$")
