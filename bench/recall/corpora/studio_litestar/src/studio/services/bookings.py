"""Booking service: calendar queries, conflict checks and the .ics feed."""

from __future__ import annotations

import random
import string
from collections.abc import Sequence
from datetime import datetime, timedelta
from uuid import UUID

from advanced_alchemy.service import SQLAlchemyAsyncRepositoryService
from icalendar import Calendar, Event

from studio.db.models import Booking, BookingStatus
from studio.db.repositories import BookingRepository

# Human-friendly reference printed on confirmations ("BK-7QX2MD"); not used for lookups.
_REFERENCE_ALPHABET = string.ascii_uppercase.replace("O", "").replace("I", "") + "23456789"


class BookingConflictError(Exception):
    def __init__(self, other: Booking) -> None:
        super().__init__(f"Overlaps booking {other.id} at {other.starts_at:%Y-%m-%d %H:%M}")
        self.other = other


class BookingService(SQLAlchemyAsyncRepositoryService[Booking]):
    repository_type = BookingRepository
    repository: BookingRepository

    async def calendar(
        self,
        studio_id: UUID,
        start: datetime,
        end: datetime,
        sort: str = "starts_at",
        direction: str = "asc",
    ) -> Sequence[Booking]:
        order_by = f"{sort} {direction}"
        return await self.repository.list_between(studio_id, start, end, order_by=order_by)

    async def ensure_no_conflict(self, booking: Booking) -> None:
        window_start = booking.starts_at - timedelta(hours=12)
        window_end = booking.ends_at + timedelta(hours=12)
        for other in await self.repository.list_between(booking.studio_id, window_start, window_end):
            if other.id == booking.id or other.photographer_id != booking.photographer_id:
                continue
            if other.starts_at < booking.ends_at and booking.starts_at < other.ends_at:
                raise BookingConflictError(other)

    async def confirm(self, booking_id: UUID) -> Booking:
        booking = await self.get(booking_id)
        await self.ensure_no_conflict(booking)
        booking.status = BookingStatus.CONFIRMED
        return await self.update(booking, auto_commit=True)

    async def cancel(self, booking_id: UUID) -> Booking:
        return await self.update({"status": BookingStatus.CANCELLED}, item_id=booking_id, auto_commit=True)

    @staticmethod
    def new_reference() -> str:
        return "BK-" + "".join(random.choices(_REFERENCE_ALPHABET, k=6))

    @staticmethod
    def to_ics(bookings: Sequence[Booking], studio_name: str) -> bytes:
        cal = Calendar()
        cal.add("prodid", f"-//{studio_name}//StudioBook//EN")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", f"{studio_name} sessions")
        for booking in bookings:
            event = Event()
            event.add("uid", f"{booking.id}@studiobook")
            event.add("summary", f"{booking.session_type} – {booking.client.full_name}")
            event.add("dtstart", booking.starts_at)
            event.add("dtend", booking.ends_at)
            if booking.location:
                event.add("location", booking.location)
            cal.add_component(event)
        return cal.to_ical()
