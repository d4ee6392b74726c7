"""Database handles and table definitions.

Most queries go through SQLAlchemy Core; bulk and reporting paths use a raw
psycopg2 pool because they are easier to tune by hand.
"""

import logging
import threading
from contextlib import contextmanager
from functools import lru_cache

import psycopg2
import psycopg2.extras
import redis
from psycopg2.pool import ThreadedConnectionPool
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    create_engine,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB

from stockroom import settings

logger = logging.getLogger(__name__)

metadata = MetaData()

warehouses = Table(
    "warehouses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(16), nullable=False, unique=True),
    Column("name", String(120), nullable=False),
    Column("city", String(80)),
    Column("timezone", String(40), nullable=False, server_default="UTC"),
    Column("active", Boolean, nullable=False, server_default="true"),
)

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("description", Text),
    Column("notes", Text),
    Column("category", String(60)),
    Column("unit", String(16), nullable=False, server_default="ea"),
    Column("unit_cost", Numeric(12, 2), nullable=False, server_default="0"),
    Column("warehouse_id", ForeignKey("warehouses.id"), nullable=False),
    Column("bin", String(24)),
    Column("quantity", Integer, nullable=False, server_default="0"),
    Column("reorder_level", Integer, nullable=False, server_default="0"),
    Column("archived", Boolean, nullable=False, server_default="false"),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), onupdate=func.now()),
)

movements = Table(
    "movements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", ForeignKey("items.id"), nullable=False),
    Column("warehouse_id", ForeignKey("warehouses.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # receipt, pick, adjust, import, transfer
    Column("quantity", Integer, nullable=False),
    Column("reference", String(80)),
    Column("batch_id", String(40)),
    Column("created_by", ForeignKey("users.id")),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("full_name", String(120), nullable=False),
    Column("role", String(16), nullable=False, server_default="clerk"),
    Column("password_hash", String(128)),
    Column("badge_number", String(20), unique=True),
    Column("scanner_passcode_hash", String(128)),
    Column("active", Boolean, nullable=False, server_default="true"),
    Column("last_login_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE")),
    Column("data", JSONB, nullable=False, server_default="{}"),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

api_clients = Table(
    "api_clients",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("client_id", String(40), nullable=False, unique=True),
    Column("name", String(120), nullable=False),
    Column("secret_hash", String(64), nullable=False),
    Column("scopes", String(255), nullable=False, server_default=""),
    Column("active", Boolean, nullable=False, server_default="true"),
)

invites = Table(
    "invites",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(254), nullable=False),
    Column("full_name", String(120), nullable=False),
    Column("role", String(16), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("invited_by", ForeignKey("users.id")),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("accepted_at", DateTime(timezone=True)),
)

password_resets = Table(
    "password_resets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("code_hash", String(128), nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
)


@lru_cache(maxsize=1)
def get_engine():
    return create_engine(
        settings.DATABASE_URL,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=10,
    )


_pool: ThreadedConnectionPool | None = None
_pool_lock = threading.Lock()


def _get_pool() -> ThreadedConnectionPool:
    global _pool
    if _pool is None:
        with _pool_lock:
            if _pool is None:
                _pool = ThreadedConnectionPool(
                    settings.DB_POOL_MIN,
                    settings.DB_POOL_MAX,
                    dsn=settings.DATABASE_URL,
                    application_name="stockroom",
                )
    return _pool


@contextmanager
def pg_cursor(commit: bool = False):
    """Borrow a pooled psycopg2 connection and yield a dict cursor."""
    pool = _get_pool()
    conn = pool.getconn()
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            yield cur
        if commit:
            conn.commit()
        else:
            conn.rollback()
    except psycopg2.Error:
        conn.rollback()
        raise
    finally:
        pool.putconn(conn)


@lru_cache(maxsize=1)
def get_redis() -> redis.Redis:
    return redis.Redis.from_url(settings.REDIS_URL, decode_responses=True, socket_timeout=2)
