"""SQLAlchemy models."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any
from uuid import UUID

from advanced_alchemy.base import UUIDAuditBase
from advanced_alchemy.types import DateTimeUTC, JsonB
from sqlalchemy import Boolean, Date, Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship


class StaffRole(str, enum.Enum):
    OWNER = "owner"
    PHOTOGRAPHER = "photographer"
    ASSISTANT = "assistant"


class BookingStatus(str, enum.Enum):
    INQUIRY = "inquiry"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class InvoiceStatus(str, enum.Enum):
    DRAFT = "draft"
    SENT = "sent"
    PAID = "paid"
    OVERDUE = "overdue"
    VOID = "void"


class Studio(UUIDAuditBase):
    __tablename__ = "studios"

    name: Mapped[str] = mapped_column(String(120))
    slug: Mapped[str] = mapped_column(String(60), unique=True, index=True)
    timezone: Mapped[str] = mapped_column(String(40), default="Europe/Berlin")
    contact_email: Mapped[str] = mapped_column(String(255))
    invoice_footer: Mapped[str | None] = mapped_column(Text, nullable=True)

    staff: Mapped[list[User]] = relationship(back_populates="studio", lazy="selectin")


class User(UUIDAuditBase):
    """Studio staff member (owner, photographer, assistant)."""

    __tablename__ = "users"

    studio_id: Mapped[UUID] = mapped_column(ForeignKey("studios.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(255), unique=True, index=True)
    full_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[StaffRole] = mapped_column(Enum(StaffRole, native_enum=False), default=StaffRole.PHOTOGRAPHER)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTimeUTC, nullable=True)

    studio: Mapped[Studio] = relationship(back_populates="staff", lazy="joined")


class Client(UUIDAuditBase):
    __tablename__ = "clients"
    __table_args__ = (UniqueConstraint("studio_id", "email"),)

    studio_id: Mapped[UUID] = mapped_column(ForeignKey("studios.id", ondelete="CASCADE"), index=True)
    full_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    marketing_opt_in: Mapped[bool] = mapped_column(Boolean, default=False)

    # client portal account
    portal_password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    invite_token: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    invite_expires_at: Mapped[datetime | None] = mapped_column(DateTimeUTC, nullable=True)
    reset_code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    reset_expires_at: Mapped[datetime | None] = mapped_column(DateTimeUTC, nullable=True)
    reset_attempts: Mapped[int] = mapped_column(Integer, default=0)

    bookings: Mapped[list[Booking]] = relationship(back_populates="client", lazy="noload")


class Booking(UUIDAuditBase):
    __tablename__ = "bookings"

    studio_id: Mapped[UUID] = mapped_column(ForeignKey("studios.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[UUID] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    photographer_id: Mapped[UUID | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    session_type: Mapped[str] = mapped_column(String(60))
    starts_at: Mapped[datetime] = mapped_column(DateTimeUTC, index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTimeUTC)
    location: Mapped[str | None] = mapped_column(String(255), nullable=True)
    status: Mapped[BookingStatus] = mapped_column(
        Enum(BookingStatus, native_enum=False), default=BookingStatus.INQUIRY
    )
    deposit_cents: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTimeUTC, nullable=True)

    client: Mapped[Client] = relationship(back_populates="bookings", lazy="joined")


class Gallery(UUIDAuditBase):
    __tablename__ = "galleries"

    studio_id: Mapped[UUID] = mapped_column(ForeignKey("studios.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[UUID] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    booking_id: Mapped[UUID | None] = mapped_column(ForeignKey("bookings.id"), nullable=True)
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str | None] = mapped_column(Text, nullable=True)
    cover_photo_id: Mapped[UUID | None] = mapped_column(nullable=True)
    access_salt: Mapped[str | None] = mapped_column(String(64), nullable=True)
    access_hash: Mapped[str | None] = mapped_column(String(128), nullable=True)
    share_token: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    share_expires_at: Mapped[datetime | None] = mapped_column(DateTimeUTC, nullable=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTimeUTC, nullable=True)
    favorites_limit: Mapped[int] = mapped_column(Integer, default=50)

    photos: Mapped[list[Photo]] = relationship(
        back_populates="gallery", lazy="selectin", order_by="Photo.position"
    )


class Photo(UUIDAuditBase):
    __tablename__ = "photos"

    gallery_id: Mapped[UUID] = mapped_column(ForeignKey("galleries.id", ondelete="CASCADE"), index=True)
    object_key: Mapped[str] = mapped_column(String(255), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(60), default="image/jpeg")
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    width: Mapped[int | None] = mapped_column(Integer, nullable=True)
    height: Mapped[int | None] = mapped_column(Integer, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_favorite: Mapped[bool] = mapped_column(Boolean, default=False)

    gallery: Mapped[Gallery] = relationship(back_populates="photos", lazy="noload")


class Invoice(UUIDAuditBase):
    __tablename__ = "invoices"
    __table_args__ = (UniqueConstraint("studio_id", "number"),)

    studio_id: Mapped[UUID] = mapped_column(ForeignKey("studios.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[UUID] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    booking_id: Mapped[UUID | None] = mapped_column(ForeignKey("bookings.id"), nullable=True)
    number: Mapped[str] = mapped_column(String(30))
    status: Mapped[InvoiceStatus] = mapped_column(
        Enum(InvoiceStatus, native_enum=False), default=InvoiceStatus.DRAFT
    )
    amount_cents: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="eur")
    issued_at: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    paid_at: Mapped[datetime | None] = mapped_column(DateTimeUTC, nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    checkout_session_id: Mapped[str | None] = mapped_column(String(120), nullable=True)

    client: Mapped[Client] = relationship(lazy="joined")


class PaymentEvent(UUIDAuditBase):
    __tablename__ = "payment_events"

    provider_event_id: Mapped[str] = mapped_column(String(120), unique=True)
    event_type: Mapped[str] = mapped_column(String(80))
    invoice_id: Mapped[UUID | None] = mapped_column(ForeignKey("invoices.id"), nullable=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JsonB)


class ContactMessage(UUIDAuditBase):
    __tablename__ = "contact_messages"

    studio_id: Mapped[UUID] = mapped_column(ForeignKey("studios.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(255))
    subject: Mapped[str | None] = mapped_column(String(200), nullable=True)
    message: Mapped[str] = mapped_column(Text)
    remote_addr: Mapped[str | None] = mapped_column(String(45), nullable=True)
    handled: Mapped[bool] = mapped_column(Boolean, default=False)
