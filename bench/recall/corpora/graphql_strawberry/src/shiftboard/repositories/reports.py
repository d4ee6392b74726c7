"""Reporting queries.

The hours report runs on the read replica through asyncpg because it scans the
whole sign-up history; the CSV export is small enough for the primary.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import asyncpg
from sqlalchemy import text
from sqlmodel import Session

SIGNUPS_TABLE = "shift_signup"

# GraphQL enum value -> column of the aggregate below
SORT_COLUMNS = {
    "name": "display_name",
    "hours": "total_hours",
    "shifts": "shift_count",
    "last": "last_shift_at",
}

EXPORT_COLUMNS = ["id", "title", "location", "starts_at", "ends_at", "capacity", "status", "signups"]

_EXPORT_BASE = (
    "SELECT s.id, s.title, s.location, s.starts_at, s.ends_at, s.capacity, s.status, "
    "count(su.id) FILTER (WHERE su.status = 'confirmed') AS signups "
    "FROM shift s LEFT JOIN shift_signup su ON su.shift_id = s.id "
    "WHERE s.org_id = :org_id AND s.starts_at >= :start AND s.starts_at < :end "
    "GROUP BY s.id"
)


async def create_pool(dsn: str) -> asyncpg.Pool:
    return await asyncpg.create_pool(dsn=dsn, min_size=1, max_size=5, command_timeout=30)


async def volunteer_hours(
    pool: asyncpg.Pool,
    org_id: int,
    start: date,
    end: date,
    sort: str = "hours",
    descending: bool = True,
) -> list[dict[str, Any]]:
    column = SORT_COLUMNS.get(sort, "total_hours")
    direction = "DESC" if descending else "ASC"
    query = f"""
        SELECT u.id AS volunteer_id,
               u.display_name,
               count(su.id) AS shift_count,
               coalesce(sum(extract(epoch FROM s.ends_at - s.starts_at)) / 3600.0, 0) AS total_hours,
               max(s.starts_at) AS last_shift_at
          FROM {SIGNUPS_TABLE} su
          JOIN shift s ON s.id = su.shift_id
          JOIN app_user u ON u.id = su.user_id
         WHERE s.org_id = $1
           AND su.status = 'confirmed'
           AND s.starts_at >= $2 AND s.starts_at < $3
         GROUP BY u.id, u.display_name
         ORDER BY {column} {direction} NULLS LAST
    """
    async with pool.acquire() as conn:
        rows = await conn.fetch(query, org_id, start, end)
    return [dict(row) for row in rows]


def export_shift_rows(
    db: Session,
    org_id: int,
    start: date,
    end: date,
    sort: str = "starts_at",
) -> list[dict[str, Any]]:
    """Rows for the coordinator CSV export. ``sort`` is a column name, ``-`` prefix for descending."""
    direction = "DESC" if sort.startswith("-") else "ASC"
    order = "%s %s" % (sort.lstrip("-"), direction)
    params = {"org_id": org_id, "start": start, "end": end}
    rows = db.execute(text(_EXPORT_BASE + " ORDER BY " + order), params).mappings().all()
    return [dict(row) for row in rows]
