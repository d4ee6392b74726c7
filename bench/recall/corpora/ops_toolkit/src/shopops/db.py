"""Database connection helpers.

Production runs on PostgreSQL; the CLI scripts can also be pointed at a local
SQLite snapshot with ``--sqlite PATH`` for dry runs.
"""
from __future__ import annotations

import contextlib
import sqlite3

import psycopg2
import psycopg2.extras

from .config import get_settings


def connect(sqlite_path: str | None = None):
    if sqlite_path:
        conn = sqlite3.connect(sqlite_path)
        conn.row_factory = sqlite3.Row
        return conn
    return psycopg2.connect(
        get_settings().database_dsn,
        cursor_factory=psycopg2.extras.RealDictCursor,
    )


@contextlib.contextmanager
def transaction(conn):
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        raise


def placeholder(conn) -> str:
    """Paramstyle marker for the given connection."""
    return "?" if isinstance(conn, sqlite3.Connection) else "%s"
