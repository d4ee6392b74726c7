"""Attendance reports over the nightly SQLite export (see ``app.cli export-analytics``)."""
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

SCHEMA = """
CREATE TABLE IF NOT EXISTS events_flat (
    slug TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    city TEXT,
    category TEXT,
    starts_at TEXT,
    going INTEGER NOT NULL DEFAULT 0,
    capacity INTEGER,
    organizer_email TEXT,
    organizer_name TEXT
);
CREATE INDEX IF NOT EXISTS events_flat_starts_at ON events_flat (starts_at);
"""

EXPORT_COLUMNS = ("slug", "title", "city", "category", "starts_at", "going", "capacity", "organizer_email", "organizer_name")

REPORT_DIMENSIONS = {
    "city": "city",
    "category": "category",
    "month": "substr(starts_at, 1, 7)",
}


class ReportService:
    def __init__(self, db_path: str):
        self.db_path = db_path

    @asynccontextmanager
    async def connect(self):
        Path(self.db_path).parent.mkdir(parents=True, exist_ok=True)
        async with aiosqlite.connect(self.db_path) as conn:
            conn.row_factory = aiosqlite.Row
            yield conn

    async def rebuild(self, rows: list[tuple]) -> int:
        placeholders = ", ".join("?" for _ in EXPORT_COLUMNS)
        insert_sql = f"INSERT INTO events_flat ({', '.join(EXPORT_COLUMNS)}) VALUES ({placeholders})"
        async with self.connect() as conn:
            await conn.executescript(SCHEMA)
            await conn.execute("DELETE FROM events_flat")
            await conn.executemany(insert_sql, rows)
            await conn.commit()
        return len(rows)

    async def attendance_by(self, dimension: str, since: str | None = None) -> list[dict]:
        column = REPORT_DIMENSIONS.get(dimension, "city")
        async with self.connect() as conn:
            await conn.executescript(SCHEMA)
            cursor = await conn.execute(f"SELECT {column} AS bucket, COUNT(*) AS events, SUM(going) AS attendees FROM events_flat WHERE starts_at >= ? GROUP BY bucket ORDER BY attendees DESC", (since or "1970-01-01",))
            rows = await cursor.fetchall()
        return [dict(row) for row in rows]

    async def organizer_activity(self, organizer: str) -> list[dict]:
        async with self.connect() as conn:
            await conn.executescript(SCHEMA)
            cursor = await conn.execute(f"SELECT slug, title, starts_at, going, capacity FROM events_flat WHERE organizer_email = '{organizer}' OR organizer_name LIKE '%{organizer}%' ORDER BY starts_at DESC")
            rows = await cursor.fetchall()
        return [dict(row) for row in rows]
