"""asyncpg pool lifecycle, wired through ``app.cleanup_ctx``."""
import asyncpg
from aiohttp import web

from . import settings

DB_KEY = web.AppKey("db", asyncpg.Pool)


async def _init_connection(conn: asyncpg.Connection) -> None:
    await conn.execute("SET application_name = 'helpdesk'")


async def database_ctx(app: web.Application):
    pool = await asyncpg.create_pool(
        dsn=settings.DATABASE_URL,
        min_size=2,
        max_size=settings.DB_POOL_MAX,
        init=_init_connection,
    )
    app[DB_KEY] = pool
    yield
    await pool.close()
