"""Rollup worker. Recomputes the last couple of hours in a loop.

    python -m scripts.backfill_rollups --hours 48          # one-off backfill
    python -m scripts.backfill_rollups --loop --interval 60
"""
import argparse
import asyncio
import logging
from datetime import timedelta

from app.core.config import settings
from app.core.logging import configure_logging
from app.db import timeseries
from app.services import rollups
from app.utils.timeutil import utcnow

logger = logging.getLogger("pulse.rollups")


async def run_once(hours: int) -> None:
    pool = await timeseries.connect()
    written = await rollups.rebuild(pool, utcnow() - timedelta(hours=hours))
    logger.info("rollups written: %s", written)


async def loop(interval: int) -> None:
    try:
        while True:
            try:
                await run_once(hours=2)
            except Exception:
                logger.exception("rollup pass failed")
            await asyncio.sleep(interval)
    finally:
        await timeseries.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--loop", action="store_true")
    parser.add_argument("--interval", type=int, default=60)
    args = parser.parse_args()
    configure_logging(settings.log_level, settings.log_json)
    asyncio.run(loop(args.interval) if args.loop else run_once(args.hours))


if __name__ == "__main__":
    main()
