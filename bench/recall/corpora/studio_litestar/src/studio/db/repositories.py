"""advanced-alchemy repositories, one per aggregate."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from advanced_alchemy.repository import SQLAlchemyAsyncRepository
from sqlalchemy import select, text

from studio.db.models import (
    Booking,
    BookingStatus,
    Client,
    ContactMessage,
    Gallery,
    Invoice,
    PaymentEvent,
    Photo,
    Studio,
    User,
)


class StudioRepository(SQLAlchemyAsyncRepository[Studio]):
    model_type = Studio


class UserRepository(SQLAlchemyAsyncRepository[User]):
    model_type = User


class ClientRepository(SQLAlchemyAsyncRepository[Client]):
    model_type = Client


class BookingRepository(SQLAlchemyAsyncRepository[Booking]):
    model_type = Booking

    async def list_between(
        self,
        studio_id: UUID,
        start: datetime,
        end: datetime,
        order_by: str = "starts_at asc",
    ) -> Sequence[Booking]:
        stmt = (
            select(Booking)
            .where(Booking.studio_id == studio_id)
            .where(Booking.starts_at >= start, Booking.starts_at < end)
            .where(Booking.status != BookingStatus.CANCELLED)
            .order_by(text(order_by))
        )
        result = await self.session.execute(stmt)
        return result.scalars().all()

    async def upcoming_without_reminder(self, before: datetime) -> Sequence[Booking]:
        stmt = (
            select(Booking)
            .where(Booking.status == BookingStatus.CONFIRMED)
            .where(Booking.starts_at < before)
            .where(Booking.reminder_sent_at.is_(None))
        )
        result = await self.session.execute(stmt)
        return result.scalars().all()


class GalleryRepository(SQLAlchemyAsyncRepository[Gallery]):
    model_type = Gallery


class PhotoRepository(SQLAlchemyAsyncRepository[Photo]):
    model_type = Photo


class InvoiceRepository(SQLAlchemyAsyncRepository[Invoice]):
    model_type = Invoice


class PaymentEventRepository(SQLAlchemyAsyncRepository[PaymentEvent]):
    model_type = PaymentEvent


class ContactMessageRepository(SQLAlchemyAsyncRepository[ContactMessage]):
    model_type = ContactMessage
