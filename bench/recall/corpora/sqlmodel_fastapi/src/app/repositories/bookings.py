from datetime import datetime

from sqlalchemy import text
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Booking, BookingStatus, Invoice

BOOKING_TABLE = "booking"

SORTABLE_COLUMNS = {
    "start": "b.starts_at",
    "created": "b.created_at",
    "space": "s.name",
}

_OVERLAP_SQL = text(
    f"SELECT count(*) FROM {BOOKING_TABLE} "
    "WHERE space_id = :space_id AND status <> 'cancelled' "
    "AND starts_at < :ends_at AND ends_at > :starts_at"
)


async def has_overlap(session: AsyncSession, space_id: int, starts_at: datetime, ends_at: datetime) -> bool:
    result = await session.execute(
        _OVERLAP_SQL, {"space_id": space_id, "starts_at": starts_at, "ends_at": ends_at}
    )
    return result.scalar_one() > 0


async def list_for_user(
    session: AsyncSession, user_id: int, *, sort: str = "start", descending: bool = True, limit: int = 50
) -> list[dict]:
    order_col = SORTABLE_COLUMNS.get(sort, "b.starts_at")
    direction = "DESC" if descending else "ASC"
    stmt = text(
        "SELECT b.id, b.space_id, s.name AS space_name, b.starts_at, b.ends_at, b.status "
        "FROM booking b JOIN space s ON s.id = b.space_id "
        f"WHERE b.user_id = :user_id ORDER BY {order_col} {direction} LIMIT :limit"
    ).bindparams(user_id=user_id, limit=limit)
    result = await session.execute(stmt)
    return [dict(row._mapping) for row in result]


async def get_for_user(session: AsyncSession, booking_id: int, user_id: int) -> Booking | None:
    result = await session.exec(
        select(Booking).where(Booking.id == booking_id, Booking.user_id == user_id)
    )
    return result.first()


async def create(session: AsyncSession, booking: Booking) -> Booking:
    session.add(booking)
    await session.commit()
    await session.refresh(booking)
    return booking


async def cancel(session: AsyncSession, booking: Booking) -> Booking:
    booking.status = BookingStatus.cancelled
    session.add(booking)
    await session.commit()
    return booking


async def get_invoice_for_user(session: AsyncSession, invoice_id: int, user_id: int) -> Invoice | None:
    stmt = (
        select(Invoice)
        .join(Booking, Booking.id == Invoice.booking_id)
        .where(Invoice.id == invoice_id, Booking.user_id == user_id)
    )
    result = await session.exec(stmt)
    return result.first()
