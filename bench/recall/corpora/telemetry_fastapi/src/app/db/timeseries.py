import asyncio
import json
import logging
import random

import asyncpg

from app.core.config import settings

logger = logging.getLogger(__name__)

_pool: asyncpg.Pool | None = None


async def _init_connection(conn: asyncpg.Connection) -> None:
    await conn.set_type_codec(
        "jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
    )


async def connect(retries: int = 6) -> asyncpg.Pool:
    global _pool
    if _pool is not None:
        return _pool
    for attempt in range(1, retries + 1):
        try:
            _pool = await asyncpg.create_pool(
                dsn=settings.timeseries_dsn,
                min_size=settings.ts_pool_min_size,
                max_size=settings.ts_pool_max_size,
                command_timeout=30,
                init=_init_connection,
            )
            return _pool
        except (OSError, asyncpg.PostgresError):
            if attempt == retries:
                raise
            delay = min(2**attempt, 20) + random.uniform(0, 1)
            logger.warning(
                "timeseries pool connect failed (attempt %d/%d), retrying in %.1fs",
                attempt,
                retries,
                delay,
            )
            await asyncio.sleep(delay)
    raise RuntimeError("unreachable")


async def close() -> None:
    global _pool
    if _pool is not None:
        await _pool.close()
        _pool = None


async def get_ts_pool() -> asyncpg.Pool:
    if _pool is None:
        return await connect()
    return _pool
