import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from fastapi_users import schemas
from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator


class UserRead(schemas.BaseUser[uuid.UUID]):
    full_name: str | None = None
    role: str = "owner"
    organization_id: uuid.UUID | None = None


class UserCreate(schemas.BaseUserCreate):
    full_name: str | None = Field(default=None, max_length=200)


class UserUpdate(schemas.BaseUserUpdate):
    full_name: str | None = Field(default=None, max_length=200)


class CustomerCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    email: EmailStr
    address: str | None = Field(default=None, max_length=2000)
    vat_number: str | None = Field(default=None, max_length=32)


class CustomerRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    email: str
    address: str | None
    vat_number: str | None
    avatar_color: str


class InvoiceLineIn(BaseModel):
    description: str = Field(min_length=1, max_length=500)
    quantity: Decimal = Field(gt=0, max_digits=10, decimal_places=2)
    unit_price: Decimal = Field(ge=0, max_digits=12, decimal_places=2)
    tax_rate: Decimal = Field(default=Decimal("0"), ge=0, le=100)


class InvoiceCreate(BaseModel):
    customer_id: uuid.UUID
    issued_on: date
    due_on: date
    notes: str | None = Field(default=None, max_length=4000)
    lines: list[InvoiceLineIn] = Field(min_length=1, max_length=200)
    access_password: str | None = Field(default=None, min_length=6, max_length=128)

    @model_validator(mode="after")
    def due_after_issue(self) -> "InvoiceCreate":
        if self.due_on < self.issued_on:
            raise ValueError("due_on must not be before issued_on")
        return self


class InvoiceLineRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    description: str
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal


class InvoiceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    number: str
    status: str
    customer_id: uuid.UUID
    issued_on: date
    due_on: date
    currency: str
    subtotal: Decimal
    tax_total: Decimal
    total: Decimal
    notes: str | None
    sent_at: datetime | None
    paid_at: datetime | None
    lines: list[InvoiceLineRead] = []


class InvoicePage(BaseModel):
    items: list[InvoiceRead]
    total: int
    page: int
    page_size: int


InvoiceStatus = Literal["draft", "sent", "paid", "void"]


class ApiKeyCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100)


class ApiKeyCreated(BaseModel):
    id: uuid.UUID
    name: str
    prefix: str
    key: str


class AccountantLinkCreate(BaseModel):
    email: EmailStr


class LinkRead(BaseModel):
    url: str
    expires_at: datetime | None = None
