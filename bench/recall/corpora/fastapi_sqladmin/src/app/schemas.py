from decimal import Decimal

from pydantic import BaseModel, ConfigDict, EmailStr, Field


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"


class RefreshRequest(BaseModel):
    refresh_token: str


class PasswordResetRequest(BaseModel):
    email: EmailStr


class PasswordResetConfirm(BaseModel):
    email: EmailStr
    code: str = Field(min_length=6, max_length=6)
    new_password: str = Field(min_length=12)


class PropertyIn(BaseModel):
    name: str
    street: str
    city: str
    postcode: str


class PropertyOut(PropertyIn):
    model_config = ConfigDict(from_attributes=True)

    id: int
    owner_id: int


class UnitOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    label: str
    bedrooms: int
    monthly_rent: Decimal


class TenantIn(BaseModel):
    property_id: int
    full_name: str
    email: EmailStr
    phone: str | None = None


class TenantOut(TenantIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


class InvitationCreate(BaseModel):
    tenant_id: int


class InvitationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: EmailStr
    code: str
    status: str
