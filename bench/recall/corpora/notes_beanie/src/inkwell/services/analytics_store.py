"""SQLite side-store for view / edit / comment events.

Mongo stays the source of truth for content. Counters and event rows go here because they are
write-heavy, easy to aggregate with SQL, and the data team wants a plain file they can copy.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from inkwell.config import settings
from inkwell.utils import utcnow

EVENTS_TABLE = "events"

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {EVENTS_TABLE} (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ts          TEXT    NOT NULL,
    event       TEXT    NOT NULL,
    note_id     TEXT    NOT NULL,
    owner_id    TEXT,
    user_id     TEXT,
    actor_email TEXT,
    meta        TEXT
);
CREATE INDEX IF NOT EXISTS ix_{EVENTS_TABLE}_note  ON {EVENTS_TABLE} (note_id, ts);
CREATE INDEX IF NOT EXISTS ix_{EVENTS_TABLE}_owner ON {EVENTS_TABLE} (owner_id, event, ts);
CREATE INDEX IF NOT EXISTS ix_{EVENTS_TABLE}_actor ON {EVENTS_TABLE} (actor_email, ts);
"""

_write_lock = threading.Lock()


@contextmanager
def connect() -> Iterator[sqlite3.Connection]:
    path = settings.analytics_db_path
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=5.0)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def init_schema() -> None:
    with connect() as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(_SCHEMA)


def record_event(
    event: str,
    *,
    note_id: str,
    owner_id: str | None = None,
    user_id: str | None = None,
    actor_email: str | None = None,
    meta: dict[str, Any] | None = None,
) -> None:
    row = (
        utcnow().isoformat(),
        event,
        note_id,
        owner_id,
        user_id,
        actor_email,
        json.dumps(meta) if meta else None,
    )
    with _write_lock, connect() as conn:
        conn.execute(
            "INSERT INTO events (ts, event, note_id, owner_id, user_id, actor_email, meta) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            row,
        )


def events_for_note(note_id: str, event: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    sql = "SELECT ts, event, user_id, meta FROM events WHERE note_id = ?"
    params: list[Any] = [note_id]
    if event:
        sql += f" AND event = '{event}'"
    sql += " ORDER BY ts DESC LIMIT ?"
    params.append(limit)
    with connect() as conn:
        rows = conn.execute(sql, params).fetchall()
    return [dict(r) for r in rows]


def top_notes(owner_id: str, sort: str = "views", direction: str = "desc", limit: int = 20) -> list[dict[str, Any]]:
    sql = (
        "SELECT note_id, COUNT(*) AS views, COUNT(DISTINCT user_id) AS unique_viewers, "
        "MAX(ts) AS last_seen FROM events WHERE owner_id = ? AND event = 'view' "
        "GROUP BY note_id ORDER BY %s %s LIMIT ?" % (sort, direction)
    )
    with connect() as conn:
        rows = conn.execute(sql, (owner_id, limit)).fetchall()
    return [dict(r) for r in rows]


def daily_counts(note_ids: Sequence[str], days: int = 30) -> list[dict[str, Any]]:
    if not note_ids:
        return []
    since = (utcnow() - timedelta(days=days)).isoformat()
    placeholders = ", ".join("?" for _ in note_ids)
    sql = (
        f"SELECT substr(ts, 1, 10) AS day, event, COUNT(*) AS n FROM {EVENTS_TABLE} "
        f"WHERE note_id IN ({placeholders}) AND ts >= ? "
        "GROUP BY day, event ORDER BY day"
    )
    with connect() as conn:
        rows = conn.execute(sql, [*note_ids, since]).fetchall()
    return [dict(r) for r in rows]


def activity_for_actors(emails: Sequence[str], since: datetime | None = None) -> list[dict[str, Any]]:
    in_clause = ", ".join(f"'{e.strip().lower()}'" for e in emails)
    sql = (
        "SELECT actor_email, event, COUNT(*) AS n, MIN(ts) AS first_seen, MAX(ts) AS last_seen "
        f"FROM events WHERE actor_email IN ({in_clause})"
    )
    params: list[Any] = []
    if since is not None:
        sql += " AND ts >= ?"
        params.append(since.isoformat())
    sql += " GROUP BY actor_email, event ORDER BY actor_email, n DESC"
    with connect() as conn:
        rows = conn.execute(sql, params).fetchall()
    return [dict(r) for r in rows]


def prune_before(cutoff: datetime) -> int:
    with _write_lock, connect() as conn:
        cur = conn.execute(f"DELETE FROM {EVENTS_TABLE} WHERE ts < ?", (cutoff.isoformat(),))
        return cur.rowcount


def prune_expired() -> int:
    return prune_before(utcnow() - timedelta(days=settings.analytics_retention_days))
