"""Shared bootstrapping for the maintenance scripts."""
import asyncio
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from forum import config  # noqa: E402
from forum.db import create_pool  # noqa: E402


def run(coro_fn, argv=None):
    """Load forum config (``--env`` etc.), open a pool, run ``coro_fn(pool)``."""
    config.load(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    async def _main():
        pool = await create_pool()
        try:
            return await coro_fn(pool)
        finally:
            await pool.close()

    return asyncio.run(_main())
