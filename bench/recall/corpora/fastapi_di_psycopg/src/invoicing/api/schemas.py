from datetime import datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl


class TokenRequest(BaseModel):
    email: EmailStr
    password: str


class RefreshRequest(BaseModel):
    refresh_token: str


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int


class RegistrationRequest(BaseModel):
    company: str = Field(min_length=2, max_length=200)
    email: EmailStr
    full_name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=10, max_length=256)


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    tenant_id: UUID
    email: EmailStr
    full_name: str
    role: str


class CustomerIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    billing_email: EmailStr
    address_lines: list[str] = Field(default_factory=list, max_length=6)
    vat_number: str | None = Field(default=None, max_length=32)


class CustomerOut(BaseModel):
    id: UUID
    name: str
    billing_email: str
    vat_number: str | None = None
    created_at: datetime


class ContactInvite(BaseModel):
    email: EmailStr
    full_name: str = Field(min_length=1, max_length=200)


class ContactOut(BaseModel):
    id: UUID
    email: str
    full_name: str


class InvoiceLineIn(BaseModel):
    description: str = Field(min_length=1, max_length=500)
    quantity: Decimal = Field(gt=0, max_digits=12, decimal_places=3)
    unit_cents: int = Field(ge=0)


class InvoiceIn(BaseModel):
    customer_id: UUID
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    notes: str = Field(default="", max_length=4000)
    due_at: datetime | None = None
    lines: list[InvoiceLineIn] = Field(min_length=1, max_length=200)


class InvoiceLineOut(BaseModel):
    description: str
    quantity: Decimal
    unit_cents: int


class InvoiceOut(BaseModel):
    id: UUID
    customer_id: UUID
    number: str
    status: str
    currency: str
    total_cents: int
    notes: str
    issued_at: datetime | None = None
    due_at: datetime | None = None
    paid_at: datetime | None = None
    lines: list[InvoiceLineOut] = Field(default_factory=list)


class ShareLinkOut(BaseModel):
    url: str


class ApiKeyIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    scopes: list[Literal["invoices:read", "invoices:write", "customers:read", "customers:write"]]


class ApiKeyOut(BaseModel):
    id: UUID
    name: str
    prefix: str
    scopes: list[str]
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None


class ApiKeyCreated(ApiKeyOut):
    key: str


class WebhookEndpointIn(BaseModel):
    url: HttpUrl
    events: list[str] = Field(min_length=1)


class WebhookEndpointCreated(BaseModel):
    id: UUID
    url: str
    events: list[str]
    signing_secret: str
    created_at: datetime


class RevenueBucket(BaseModel):
    bucket: datetime
    currency: str
    total_cents: int
    invoice_count: int
