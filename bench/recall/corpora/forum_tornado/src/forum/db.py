"""asyncpg pool and a couple of helpers shared by the model modules."""
import json
import logging

import asyncpg
from tornado.options import options

log = logging.getLogger("forum.db")


async def _init_connection(conn):
    await conn.set_type_codec(
        "jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
    )


async def create_pool(dsn=None):
    pool = await asyncpg.create_pool(
        dsn=dsn or options.database_url,
        min_size=options.db_pool_min,
        max_size=options.db_pool_max,
        command_timeout=15,
        init=_init_connection,
    )
    log.info("database pool ready (min=%d, max=%d)", options.db_pool_min, options.db_pool_max)
    return pool


def record_to_dict(record):
    return dict(record) if record is not None else None


def records_to_dicts(records):
    return [dict(r) for r in records]


def placeholders(count, start=1):
    """``$1, $2, ...`` for building IN lists."""
    return ", ".join(f"${i}" for i in range(start, start + count))
