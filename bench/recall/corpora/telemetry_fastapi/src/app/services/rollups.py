"""Time-series queries that go straight to Timescale through asyncpg.

The ORM is fine for projects/users, but rollups need date_trunc and
continuous aggregates, and asyncpg is much faster for the big reads.
"""
import logging
from collections.abc import Iterable
from datetime import datetime

import asyncpg

from app.utils.timeutil import Resolution, utcnow

logger = logging.getLogger(__name__)

ROLLUP_TABLES = {
    Resolution.minute: "event_rollup_1m",
    Resolution.hour: "event_rollup_1h",
    Resolution.day: "event_rollup_1d",
}

BREAKDOWN_SQL = """
    SELECT date_trunc('%(interval)s', ts) AS bucket,
           properties->>'%(prop)s' AS value,
           count(*) AS count
    FROM events
    WHERE project_id = $1 AND name = $2 AND ts >= $3 AND ts < $4
    GROUP BY 1, 2
    ORDER BY 1, 3 DESC
    LIMIT 5000
"""

TOP_EVENTS_SQL = """
    SELECT event_name AS name, sum(count)::bigint AS count
    FROM event_rollup_1h
    WHERE project_id = $1 AND bucket >= $2 AND bucket < $3
    GROUP BY event_name
    ORDER BY count DESC
    LIMIT $4
"""


async def fetch_series(
    pool: asyncpg.Pool,
    project_id: int,
    event_name: str,
    resolution: Resolution,
    start: datetime,
    end: datetime,
) -> list[asyncpg.Record]:
    table = ROLLUP_TABLES[resolution]
    sql = f"""
        SELECT bucket, count, unique_users
        FROM {table}
        WHERE project_id = $1 AND event_name = $2 AND bucket >= $3 AND bucket < $4
        ORDER BY bucket
    """
    return await pool.fetch(sql, project_id, event_name, start, end)


async def breakdown(
    pool: asyncpg.Pool,
    project_id: int,
    event_name: str,
    prop: str,
    interval: str,
    start: datetime,
    end: datetime,
) -> list[asyncpg.Record]:
    sql = BREAKDOWN_SQL % {"interval": interval, "prop": prop}
    return await pool.fetch(sql, project_id, event_name, start, end)


async def top_events(
    pool: asyncpg.Pool, project_id: int, start: datetime, end: datetime, limit: int = 10
) -> list[asyncpg.Record]:
    return await pool.fetch(TOP_EVENTS_SQL, project_id, start, end, limit)


async def count_since(pool: asyncpg.Pool, project_id: int, since: datetime) -> int:
    value = await pool.fetchval(
        "SELECT count(*) FROM events WHERE project_id = $1 AND ts >= $2",
        project_id,
        since,
    )
    return int(value or 0)


async def record_event_names(pool: asyncpg.Pool, project_id: int, names: Iterable[str]) -> None:
    """Keep the event_names table fresh for the autocomplete (runs after ingest)."""
    names = sorted(set(names))
    if not names:
        return
    values = ", ".join(f"({project_id}, '{name}', now())" for name in names)
    async with pool.acquire() as conn:
        await conn.execute(
            "INSERT INTO event_names (project_id, name, last_seen) VALUES "
            + values
            + " ON CONFLICT (project_id, name) DO UPDATE SET last_seen = EXCLUDED.last_seen"
        )


async def rebuild(
    pool: asyncpg.Pool, since: datetime, until: datetime | None = None
) -> dict[str, int]:
    """Recompute rollups for a window. Used by the CLI and the rollups worker."""
    until = until or utcnow()
    written: dict[str, int] = {}
    async with pool.acquire() as conn:
        async with conn.transaction():
            for resolution, table in ROLLUP_TABLES.items():
                await conn.execute(
                    f"DELETE FROM {table} WHERE bucket >= date_trunc($1, $2::timestamptz) "
                    f"AND bucket < $3",
                    resolution.value,
                    since,
                    until,
                )
                status = await conn.execute(
                    f"""
                    INSERT INTO {table} (project_id, event_name, bucket, count, unique_users)
                    SELECT project_id, name, date_trunc($1, ts), count(*),
                           count(DISTINCT distinct_id)
                    FROM events
                    WHERE ts >= date_trunc($1, $2::timestamptz) AND ts < $3
                    GROUP BY 1, 2, 3
                    """,
                    resolution.value,
                    since,
                    until,
                )
                written[table] = int(status.split()[-1])
    logger.info("rebuilt rollups since %s: %s", since.isoformat(), written)
    return written
