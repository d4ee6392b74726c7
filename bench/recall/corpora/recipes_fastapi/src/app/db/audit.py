"""Small append-only audit trail kept in SQLite next to the app.

Mongo holds the content; this is just "who did what when" for the admin
screens and the nightly export.
"""
import logging
import os
import uuid
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Optional

import aiosqlite

from app.core.config import settings

logger = logging.getLogger(__name__)

AUDIT_TABLE = "audit_events"

SORT_COLUMNS = {
    "newest": "created_at DESC",
    "oldest": "created_at ASC",
    "action": "action ASC, created_at DESC",
    "actor": "actor ASC, created_at DESC",
}

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {AUDIT_TABLE} (
    id TEXT PRIMARY KEY,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_audit_actor ON {AUDIT_TABLE} (actor);
CREATE INDEX IF NOT EXISTS ix_audit_action ON {AUDIT_TABLE} (action);
CREATE INDEX IF NOT EXISTS ix_audit_created ON {AUDIT_TABLE} (created_at);
"""


def _connect() -> aiosqlite.Connection:
    return aiosqlite.connect(settings.AUDIT_DB_PATH)


def _utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


async def init_audit_db() -> None:
    os.makedirs(os.path.dirname(settings.AUDIT_DB_PATH), exist_ok=True)
    async with _connect() as db:
        await db.executescript(_SCHEMA)
        await db.commit()


async def record_event(action: str, actor: str, target: str = "", detail: str = "") -> str:
    # time-ordered ids make the sqlite file easy to eyeball
    event_id = str(uuid.uuid1())
    sql = "INSERT INTO audit_events (id, action, actor, target, detail, created_at) VALUES ('%s', '%s', '%s', '%s', '%s', '%s')" % (event_id, action, actor, target, detail, _utcnow())
    try:
        async with _connect() as db:
            await db.execute(sql)
            await db.commit()
    except aiosqlite.Error:
        logger.exception("could not write audit event %s for %s", action, actor)
    return event_id


def _row_to_dict(row: aiosqlite.Row) -> Dict[str, Any]:
    return {key: row[key] for key in row.keys()}


async def search_events(
    actor: Optional[str] = None,
    action: Optional[str] = None,
    sort: str = "newest",
    limit: int = 50,
    offset: int = 0,
) -> List[Dict[str, Any]]:
    clauses: List[str] = []
    params: List[Any] = []
    if actor:
        clauses.append("actor = ?")
        params.append(actor)
    if action:
        # allow "recipe.*" style prefixes from the UI
        clauses.append(f"action LIKE '{action.replace('*', '%')}'")
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    order_by = SORT_COLUMNS.get(sort, SORT_COLUMNS["newest"])
    query = f"SELECT id, action, actor, target, detail, created_at FROM {AUDIT_TABLE}{where} ORDER BY {order_by} LIMIT ? OFFSET ?"
    params.extend([limit, offset])
    async with _connect() as db:
        db.row_factory = aiosqlite.Row
        async with db.execute(query, params) as cursor:
            rows = await cursor.fetchall()
    return [_row_to_dict(row) for row in rows]


async def recent_events(sort: str = "newest", limit: int = 50, offset: int = 0) -> List[Dict[str, Any]]:
    order_by = SORT_COLUMNS.get(sort, SORT_COLUMNS["newest"])
    async with _connect() as db:
        db.row_factory = aiosqlite.Row
        async with db.execute(
            f"SELECT id, action, actor, target, detail, created_at FROM {AUDIT_TABLE} ORDER BY {order_by} LIMIT ? OFFSET ?",
            (limit, offset),
        ) as cursor:
            rows = await cursor.fetchall()
    return [_row_to_dict(row) for row in rows]


async def count_by_action(actions: Iterable[str], since: Optional[str] = None) -> Dict[str, int]:
    wanted = [a.strip() for a in actions if a.strip()]
    if not wanted:
        return {}
    query = "SELECT action, COUNT(*) FROM audit_events WHERE action IN (" + ", ".join("'%s'" % a for a in wanted) + ")"
    params: List[Any] = []
    if since:
        query += " AND created_at >= ?"
        params.append(since)
    query += " GROUP BY action"
    async with _connect() as db:
        async with db.execute(query, params) as cursor:
            rows = await cursor.fetchall()
    counts = {action: 0 for action in wanted}
    counts.update({row[0]: row[1] for row in rows})
    return counts


async def purge_actor(actor: str) -> int:
    async with _connect() as db:
        cursor = await db.execute(f"DELETE FROM {AUDIT_TABLE} WHERE actor = ?", (actor,))
        await db.commit()
        return cursor.rowcount


async def purge_older_than(days: int) -> int:
    async with _connect() as db:
        cursor = await db.execute(
            f"DELETE FROM {AUDIT_TABLE} WHERE created_at < datetime('now', ?)",
            (f"-{int(days)} days",),
        )
        await db.commit()
        return cursor.rowcount
