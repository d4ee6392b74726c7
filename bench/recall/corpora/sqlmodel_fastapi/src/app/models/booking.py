from datetime import datetime
from enum import Enum

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from app.models.user import utcnow


class BookingStatus(str, Enum):
    pending = "pending"
    confirmed = "confirmed"
    cancelled = "cancelled"


class Booking(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    space_id: int = Field(foreign_key="space.id")
    user_id: int = Field(foreign_key="user.id", index=True)
    starts_at: datetime
    ends_at: datetime
    status: BookingStatus = BookingStatus.pending
    created_at: datetime = Field(default_factory=utcnow)


class Invoice(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    booking_id: int = Field(foreign_key="booking.id")
    number: str = Field(unique=True, max_length=32)
    amount_cents: int
    currency: str = Field(default="EUR", max_length=3)
    billing_name: str
    billing_notes: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    issued_at: datetime = Field(default_factory=utcnow)
    paid_at: datetime | None = None

    @property
    def amount(self) -> str:
        return f"{self.amount_cents / 100:.2f}"
