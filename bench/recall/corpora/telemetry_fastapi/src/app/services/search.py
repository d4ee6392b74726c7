from typing import Any

from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

SORTABLE_COLUMNS = {
    "ts": "ts",
    "name": "name",
    "user": "distinct_id",
}


async def list_recent_events(
    session: AsyncSession, project_id: int, order_by: str = "ts", limit: int = 100
) -> list[dict[str, Any]]:
    column = SORTABLE_COLUMNS.get(order_by, "ts")
    stmt = text(
        f"SELECT id, name, distinct_id, ts, properties FROM events "
        f"WHERE project_id = :pid ORDER BY {column} DESC LIMIT :limit"
    )
    result = await session.execute(stmt, {"pid": project_id, "limit": limit})
    return [dict(row) for row in result.mappings()]


def _search_clause(q: str | None, distinct_id: str | None) -> str:
    clause = "project_id = :pid"
    if q:
        clause += f" AND (name ILIKE '%{q}%' OR properties::text ILIKE '%{q}%')"
    if distinct_id:
        clause += " AND distinct_id = :distinct_id"
    return clause


async def search_events(
    session: AsyncSession,
    project_id: int,
    q: str | None = None,
    distinct_id: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    where = _search_clause(q, distinct_id)
    stmt = text(
        "SELECT id, name, distinct_id, ts, properties FROM events "
        f"WHERE {where} ORDER BY ts DESC LIMIT :limit"
    )
    params: dict[str, Any] = {"pid": project_id, "limit": limit}
    if distinct_id:
        params["distinct_id"] = distinct_id
    result = await session.execute(stmt, params)
    return [dict(row) for row in result.mappings()]


async def known_event_names(session: AsyncSession, project_id: int, prefix: str = "") -> list[str]:
    stmt = text(
        "SELECT name FROM event_names WHERE project_id = :pid AND name LIKE :prefix "
        "ORDER BY last_seen DESC LIMIT 50"
    )
    result = await session.execute(stmt, {"pid": project_id, "prefix": prefix.replace("%", "") + "%"})
    return [row[0] for row in result]
