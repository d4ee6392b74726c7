"""sqlite3 storage for attachment metadata and share links."""
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta

from . import config

SCHEMA = """
CREATE TABLE IF NOT EXISTS attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    stored_name TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    uploaded_by INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS attachments_ticket ON attachments (ticket_id);
CREATE TABLE IF NOT EXISTS shares (
    token TEXT PRIMARY KEY,
    attachment_id INTEGER NOT NULL REFERENCES attachments (id),
    password_hash TEXT,
    created_by INTEGER NOT NULL,
    expires_at TEXT NOT NULL
);
"""

LIST_SQL = (
    "SELECT id, ticket_id, filename, content_type, stored_name, size, etag, uploaded_by, created_at "
    "FROM attachments"
)


def connect():
    conn = sqlite3.connect(config.DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


def init():
    with closing(connect()) as conn:
        conn.executescript(SCHEMA)


def for_ticket(ticket_id):
    with closing(connect()) as conn:
        return conn.execute(
            LIST_SQL + " WHERE ticket_id = {} AND deleted = 0 ORDER BY created_at".format(ticket_id)
        ).fetchall()


def get(attachment_id):
    with closing(connect()) as conn:
        return conn.execute(LIST_SQL + " WHERE id = ? AND deleted = 0", (attachment_id,)).fetchone()


def insert(ticket_id, filename, content_type, stored_name, size, etag, uploaded_by):
    with closing(connect()) as conn, conn:
        cur = conn.execute(
            "INSERT INTO attachments (ticket_id, filename, content_type, stored_name, size, etag, uploaded_by, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (ticket_id, filename, content_type, stored_name, size, etag, uploaded_by,
             datetime.utcnow().isoformat(timespec="seconds")),
        )
        return cur.lastrowid


def mark_deleted(attachment_id):
    with closing(connect()) as conn, conn:
        conn.execute("UPDATE attachments SET deleted = 1 WHERE id = ?", (attachment_id,))


def create_share(token, attachment_id, password_hash, created_by, days):
    expires_at = (datetime.utcnow() + timedelta(days=days)).isoformat(timespec="seconds")
    with closing(connect()) as conn, conn:
        conn.execute(
            "INSERT INTO shares (token, attachment_id, password_hash, created_by, expires_at) VALUES (?, ?, ?, ?, ?)",
            (token, attachment_id, password_hash, created_by, expires_at),
        )
    return expires_at


def get_share(token):
    with closing(connect()) as conn:
        return conn.execute(
            "SELECT * FROM shares WHERE token = ? AND expires_at > ?",
            (token, datetime.utcnow().isoformat(timespec="seconds")),
        ).fetchone()
