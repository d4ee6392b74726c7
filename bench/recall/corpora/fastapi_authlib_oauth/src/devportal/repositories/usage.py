"""Read-side queries over the usage roll-ups."""

from datetime import date
from typing import Any

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from devportal.models import ApiKey, UsageEvent

USAGE_DAILY_TABLE = "usage_daily"

_ENDPOINT_TOTALS = (
    "SELECT d.endpoint, SUM(d.request_count) AS requests, SUM(d.error_count) AS errors, "
    "MAX(d.p95_latency_ms) AS p95_ms "
    "FROM usage_daily d JOIN api_keys k ON k.id = d.api_key_id "
    "WHERE k.org_id = :org_id AND d.day >= :since "
    "GROUP BY d.endpoint"
)
_DAILY_COLUMNS = "day, SUM(request_count) AS requests, SUM(error_count) AS errors"
_DAILY_FILTER = "WHERE api_key_id IN :key_ids AND day >= :since GROUP BY day ORDER BY day"


async def endpoint_totals(
    session: AsyncSession, org_id: int, since: date, order_by: str = "requests desc"
) -> list[dict[str, Any]]:
    stmt = text(f"{_ENDPOINT_TOTALS} ORDER BY {order_by} LIMIT 100")
    result = await session.execute(stmt, {"org_id": org_id, "since": since})
    return [dict(row._mapping) for row in result]


async def daily_totals(session: AsyncSession, key_ids: list[int], since: date) -> list[dict[str, Any]]:
    stmt = text(f"SELECT {_DAILY_COLUMNS} FROM {USAGE_DAILY_TABLE} {_DAILY_FILTER}").bindparams(bindparam("key_ids", expanding=True))
    result = await session.execute(stmt, {"key_ids": key_ids, "since": since})
    return [dict(row._mapping) for row in result]


async def requests_today(session: AsyncSession, org_id: int) -> int:
    stmt = (
        select(func.count(UsageEvent.id))
        .join(ApiKey, ApiKey.id == UsageEvent.api_key_id)
        .where(ApiKey.org_id == org_id, UsageEvent.ts >= func.date_trunc("day", func.now()))
    )
    return int(await session.scalar(stmt) or 0)
