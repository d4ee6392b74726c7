import logging
from decimal import Decimal

import sqlalchemy as sa

from bookings.db import database
from bookings.services import availability
from bookings.tables import bookings, rooms, users
from bookings.utils import booking_reference, hours_between

logger = logging.getLogger(__name__)


class BookingError(Exception):
    pass


def _with_room():
    return sa.select(
        bookings,
        rooms.c.name.label("room_name"),
        rooms.c.slug.label("room_slug"),
        rooms.c.building.label("room_building"),
    ).select_from(bookings.join(rooms, rooms.c.id == bookings.c.room_id))


async def create_booking(user_id: int, room, starts_at, ends_at, attendees: int, notes: str):
    if ends_at <= starts_at:
        raise BookingError("The booking must end after it starts.")
    if attendees > room["capacity"]:
        raise BookingError(f"{room['name']} holds at most {room['capacity']} people.")
    if not await availability.is_free(room["id"], starts_at, ends_at):
        raise BookingError("That room is already booked for part of this time.")

    amount = (hours_between(starts_at, ends_at) * Decimal(room["hourly_rate"])).quantize(Decimal("0.01"))
    values = {
        "reference": booking_reference(),
        "room_id": room["id"],
        "user_id": user_id,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "attendees": attendees,
        "notes": notes.strip()[:2000],
        "amount": amount,
        "status": "pending",
    }
    booking_id = await database.execute(bookings.insert().values(**values))
    logger.info("booking %s created for user %s room %s", values["reference"], user_id, room["id"])
    return await get_booking(booking_id)


async def get_booking(booking_id: int):
    return await database.fetch_one(_with_room().where(bookings.c.id == booking_id))


async def get_booking_for_user(booking_id: int, user_id: int):
    query = _with_room().where(sa.and_(bookings.c.id == booking_id, bookings.c.user_id == user_id))
    return await database.fetch_one(query)


async def get_by_payment_id(payment_id: str):
    return await database.fetch_one(bookings.select().where(bookings.c.payment_id == payment_id))


async def bookings_for_user(user_id: int, upcoming_only: bool = False):
    query = _with_room().where(bookings.c.user_id == user_id)
    if upcoming_only:
        query = query.where(bookings.c.ends_at > sa.func.now())
    return await database.fetch_all(query.order_by(bookings.c.starts_at.desc()))


async def set_status(booking_id: int, status: str, payment_id: str = None) -> None:
    values = {"status": status}
    if payment_id:
        values["payment_id"] = payment_id
    await database.execute(bookings.update().where(bookings.c.id == booking_id).values(**values))


async def cancel_booking(booking_id: int, user_id: int) -> bool:
    booking = await get_booking_for_user(booking_id, user_id)
    if booking is None or booking["status"] not in ("pending", "confirmed"):
        return False
    await set_status(booking_id, "cancelled")
    return True


async def bookings_with_guests(status: str = None):
    query = sa.select(
        bookings,
        rooms.c.name.label("room_name"),
        users.c.email.label("guest_email"),
        users.c.display_name.label("guest_name"),
    ).select_from(
        bookings.join(rooms, rooms.c.id == bookings.c.room_id).join(users, users.c.id == bookings.c.user_id)
    )
    if status:
        query = query.where(bookings.c.status == status)
    return await database.fetch_all(query.order_by(bookings.c.starts_at.desc()).limit(500))
