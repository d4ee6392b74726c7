"""Database plumbing: a SQLAlchemy Core engine for OLTP and an asyncpg pool for reports."""
from collections.abc import AsyncIterator

import asyncpg
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from billing.config import get_settings

_settings = get_settings()

engine = create_async_engine(
    _settings.database_url.replace("+psycopg", "+asyncpg"),
    pool_size=10,
    pool_pre_ping=True,
)

_report_pool: asyncpg.Pool | None = None


async def get_conn() -> AsyncIterator[AsyncConnection]:
    """FastAPI dependency yielding a connection inside a transaction."""
    async with engine.begin() as conn:
        yield conn


async def get_report_pool() -> asyncpg.Pool:
    global _report_pool
    if _report_pool is None:
        dsn = _settings.reporting_dsn or _settings.database_url.replace("+psycopg", "")
        _report_pool = await asyncpg.create_pool(dsn, min_size=1, max_size=4)
    return _report_pool
