"""Request/response shapes: SQLAlchemy DTOs for CRUD, msgspec structs and dataclasses elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

import msgspec
from advanced_alchemy.extensions.litestar import SQLAlchemyDTO, SQLAlchemyDTOConfig

from studio.db.models import Booking, Client, Gallery, Invoice, Photo, User

_AUDIT = {"created_at", "updated_at"}


# --- DTOs ------------------------------------------------------------------------


class UserReadDTO(SQLAlchemyDTO[User]):
    config = SQLAlchemyDTOConfig(exclude={"password_hash", "studio"})


class ClientReadDTO(SQLAlchemyDTO[Client]):
    config = SQLAlchemyDTOConfig(
        exclude={
            "portal_password_hash",
            "invite_token",
            "invite_expires_at",
            "reset_code",
            "reset_expires_at",
            "reset_attempts",
            "bookings",
        }
    )


class ClientWriteDTO(SQLAlchemyDTO[Client]):
    config = SQLAlchemyDTOConfig(
        include={"full_name", "email", "phone", "notes", "marketing_opt_in"},
        partial=True,
    )


class BookingReadDTO(SQLAlchemyDTO[Booking]):
    config = SQLAlchemyDTOConfig(exclude={"client.bookings", "client.portal_password_hash", "client.reset_code",
                                          "client.invite_token", "client.reset_expires_at",
                                          "client.invite_expires_at", "client.reset_attempts"})


class BookingWriteDTO(SQLAlchemyDTO[Booking]):
    config = SQLAlchemyDTOConfig(
        include={"client_id", "photographer_id", "session_type", "starts_at", "ends_at", "location",
                 "deposit_cents", "notes"},
    )


class GalleryReadDTO(SQLAlchemyDTO[Gallery]):
    config = SQLAlchemyDTOConfig(exclude={"access_salt", "access_hash", "photos.0.gallery"}, max_nested_depth=1)


class GalleryWriteDTO(SQLAlchemyDTO[Gallery]):
    config = SQLAlchemyDTOConfig(
        include={"client_id", "booking_id", "title", "description", "favorites_limit"}, partial=True
    )


class PhotoReadDTO(SQLAlchemyDTO[Photo]):
    config = SQLAlchemyDTOConfig(exclude={"gallery"} | _AUDIT)


class InvoiceWriteDTO(SQLAlchemyDTO[Invoice]):
    config = SQLAlchemyDTOConfig(include={"client_id", "booking_id", "amount_cents", "currency", "due_date", "notes"})


# --- API structs ---------------------------------------------------------------------


class LoginRequest(msgspec.Struct):
    email: str
    password: str


class TokenPair(msgspec.Struct):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int = 1800


class RefreshRequest(msgspec.Struct):
    refresh_token: str | None = None
    access_token: str | None = None


class UploadRequest(msgspec.Struct):
    filename: str
    content_type: str
    size_bytes: int


class UploadTicket(msgspec.Struct):
    photo_id: UUID
    url: str
    fields: dict[str, str]


class GalleryPasswordRequest(msgspec.Struct):
    password: str | None = None


class ShareLink(msgspec.Struct):
    url: str
    expires_at: datetime


class RevenueRow(msgspec.Struct):
    month: datetime
    currency: str
    invoices: int
    total_cents: int


class ClientSearchHit(msgspec.Struct):
    id: UUID
    full_name: str
    email: str
    phone: str | None = None


# --- portal forms (url-encoded) ------------------------------------------------------


@dataclass
class PortalLoginForm:
    email: str
    password: str
    next: str | None = None


@dataclass
class RegisterForm:
    invite: str
    password: str
    password_confirm: str


@dataclass
class ResetRequestForm:
    email: str


@dataclass
class ResetConfirmForm:
    email: str
    code: str
    password: str


@dataclass
class ContactForm:
    name: str
    email: str
    message: str
    subject: str | None = None
    website: str | None = None  # honeypot


@dataclass
class GalleryUnlockForm:
    password: str


@dataclass
class EmailChange:
    email: str


@dataclass
class ReportPeriod:
    since: date
