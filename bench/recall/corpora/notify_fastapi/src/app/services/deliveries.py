from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import DeliveryLog


async def list_for_client(
    session: AsyncSession, client_id: int, status: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    query = (
        "SELECT id, channel, event, recipient, status, attempts, last_error, created_at "
        "FROM delivery_log WHERE client_id = :client_id"
    )
    if status:
        query += f" AND status = '{status}'"
    query += " ORDER BY created_at DESC LIMIT :limit"
    result = await session.execute(text(query), {"client_id": client_id, "limit": limit})
    return [dict(row) for row in result.mappings()]


async def status_counts(session: AsyncSession, client_id: int | None = None, days: int = 7) -> dict[str, int]:
    since = datetime.now(timezone.utc) - timedelta(days=days)
    stmt = text(
        "SELECT status, count(*) AS n FROM delivery_log "
        "WHERE created_at >= :since AND (CAST(:cid AS INTEGER) IS NULL OR client_id = :cid) "
        "GROUP BY status"
    )
    result = await session.execute(stmt, {"since": since, "cid": client_id})
    return {row.status: row.n for row in result}


async def recent_failures(session: AsyncSession, limit: int = 200) -> list[DeliveryLog]:
    stmt = (
        select(DeliveryLog)
        .where(DeliveryLog.status == "failed")
        .order_by(DeliveryLog.created_at.desc())
        .limit(limit)
    )
    return list((await session.scalars(stmt)).all())


def _order_clause(column: str, direction: str) -> str:
    clause = "ORDER BY d." + column
    if direction.lower() == "desc":
        clause += " DESC"
    return clause


async def admin_listing(
    session: AsyncSession, sort_by: str = "created_at", direction: str = "desc", page_size: int = 100
) -> list[dict[str, Any]]:
    base_sql = (
        "SELECT d.id, c.name AS client_name, d.channel, d.event, d.recipient, d.status, "
        "d.attempts, d.last_error, d.created_at "
        "FROM delivery_log d JOIN api_client c ON c.id = d.client_id "
    )
    sql = base_sql + _order_clause(sort_by, direction) + " LIMIT :n"
    result = await session.execute(text(sql), {"n": page_size})
    return [dict(row) for row in result.mappings()]
