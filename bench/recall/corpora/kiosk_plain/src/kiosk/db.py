"""Small database layer used by the whole app.

Production runs on PostgreSQL through psycopg2, the kiosks' offline mode and
the test-suite use sqlite3.  SQL in the code base is written with ``?``
placeholders; they are translated for psycopg2 here.
"""
import logging
import sqlite3
import threading
from contextlib import contextmanager
from urllib.parse import urlparse

import psycopg2
import psycopg2.extras

from kiosk import config

log = logging.getLogger(__name__)


class DatabaseError(Exception):
    pass


class Database:
    def __init__(self, url, timeout=10):
        self.url = url
        self.timeout = timeout
        parsed = urlparse(url)
        self.is_postgres = parsed.scheme in ("postgres", "postgresql")
        self.sqlite_path = parsed.path if parsed.scheme == "sqlite" else None
        if self.sqlite_path and self.sqlite_path.startswith("//"):
            self.sqlite_path = self.sqlite_path[1:]
        self._local = threading.local()

    # -- connections --------------------------------------------------------
    def _connect(self):
        if self.is_postgres:
            conn = psycopg2.connect(self.url, connect_timeout=self.timeout)
            conn.autocommit = False
            return conn
        conn = sqlite3.connect(self.sqlite_path or ":memory:", timeout=self.timeout,
                               detect_types=sqlite3.PARSE_DECLTYPES)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    @property
    def conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
        return conn

    def close(self):
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _cursor(self):
        if self.is_postgres:
            return self.conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor)
        return self.conn.cursor()

    def _adapt(self, sql):
        if self.is_postgres:
            return sql.replace("?", "%s")
        return sql

    # -- queries ------------------------------------------------------------
    def execute(self, sql, params=()):
        cur = self._cursor()
        try:
            cur.execute(self._adapt(sql), params)
        except (sqlite3.Error, psycopg2.Error) as exc:
            self.conn.rollback()
            raise DatabaseError(str(exc)) from exc
        if not getattr(self._local, "in_tx", False):
            self.conn.commit()
        return cur

    def query(self, sql, params=()):
        cur = self.execute(sql, params)
        return [dict(row) for row in cur.fetchall()]

    def query_one(self, sql, params=()):
        cur = self.execute(sql, params)
        row = cur.fetchone()
        return dict(row) if row is not None else None

    def scalar(self, sql, params=()):
        cur = self.execute(sql, params)
        row = cur.fetchone()
        if row is None:
            return None
        if isinstance(row, dict):
            return next(iter(row.values()))
        return row[0]

    def insert(self, table, values):
        columns = list(values)
        sql = "INSERT INTO %s (%s) VALUES (%s)" % (table, ", ".join(columns), ", ".join("?" * len(columns)))
        if self.is_postgres:
            sql += " RETURNING id"
            cur = self.execute(sql, tuple(values[c] for c in columns))
            return cur.fetchone()["id"]
        cur = self.execute(sql, tuple(values[c] for c in columns))
        return cur.lastrowid

    def update(self, table, row_id, values):
        assignments = ", ".join("%s = ?" % column for column in values)
        params = tuple(values.values()) + (row_id,)
        return self.execute("UPDATE %s SET %s WHERE id = ?" % (table, assignments), params).rowcount

    @contextmanager
    def transaction(self):
        self._local.in_tx = True
        try:
            yield self
            self.conn.commit()
        except Exception:
            self.conn.rollback()
            raise
        finally:
            self._local.in_tx = False


db = Database(config.DATABASE_URL, timeout=config.DB_TIMEOUT)

execute = db.execute
query = db.query
query_one = db.query_one
scalar = db.scalar
insert = db.insert
update = db.update
transaction = db.transaction
