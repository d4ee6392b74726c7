from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

SUMMARY_VIEWS = {
    "occupancy": "v_unit_occupancy",
    "arrears": "v_rent_arrears",
    "turnover": "v_lease_turnover",
}


async def rent_roll(session: AsyncSession, property_id: int, as_of: date) -> list[dict]:
    stmt = text(
        """
        SELECT u.label, t.full_name, u.monthly_rent, l.start_date, l.end_date
        FROM units u
        JOIN leases l ON l.unit_id = u.id AND l.status = 'active'
        JOIN tenants t ON t.id = l.tenant_id
        WHERE u.property_id = :property_id
          AND l.start_date <= :as_of
          AND (l.end_date IS NULL OR l.end_date >= :as_of)
        ORDER BY u.label
        """
    )
    result = await session.execute(stmt, {"property_id": property_id, "as_of": as_of})
    return [dict(r) for r in result.mappings()]


async def summary(session: AsyncSession, report: str, owner_id: int) -> list[dict]:
    view = SUMMARY_VIEWS[report]
    stmt = text(f"SELECT * FROM {view} WHERE owner_id = :owner_id")
    result = await session.execute(stmt, {"owner_id": owner_id})
    return [dict(r) for r in result.mappings()]


def _arrears_sql(owner_id: int, city: str, min_days: int) -> str:
    return (
        "SELECT property_name, unit_label, tenant_name, amount_due, days_overdue "
        "FROM v_rent_arrears "
        "WHERE owner_id = %d AND city = '%s' AND days_overdue >= %d "
        "ORDER BY days_overdue DESC" % (owner_id, city, min_days)
    )


async def arrears_by_city(session: AsyncSession, owner_id: int, city: str, min_days: int = 30) -> list[dict]:
    result = await session.execute(text(_arrears_sql(owner_id, city, min_days)))
    return [dict(r) for r in result.mappings()]
