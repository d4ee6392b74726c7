from datetime import date

from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

_OCCUPANCY_COLUMNS = (
    "space_id, count(*) AS bookings, "
    "round(sum(extract(epoch FROM ends_at - starts_at)) / 3600, 1) AS hours"
)


async def occupancy(session: AsyncSession, space_ids: list[str], start: date, end: date) -> list[dict]:
    id_list = ", ".join(space_ids)
    sql = (
        f"SELECT {_OCCUPANCY_COLUMNS} FROM booking "
        "WHERE status = 'confirmed' AND starts_at >= :start AND ends_at < :end "
        "AND space_id IN (" + id_list + ") GROUP BY space_id ORDER BY space_id"
    )
    result = await session.execute(text(sql), {"start": start, "end": end})
    return [dict(row._mapping) for row in result]


async def revenue_by_month(session: AsyncSession, year: int) -> list[dict]:
    stmt = text(
        "SELECT date_trunc('month', issued_at) AS month, currency, sum(amount_cents) AS total_cents "
        "FROM invoice WHERE extract(year FROM issued_at) = :year AND paid_at IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY 1"
    )
    result = await session.execute(stmt, {"year": year})
    return [dict(row._mapping) for row in result]
