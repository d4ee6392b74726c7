#!/usr/bin/env python
"""Housekeeping: drop used/expired password resets and old revoked refresh tokens."""
import logging

from _common import run
from tornado.options import define, options

define("keep_days", default=30, type=int, help="keep revoked rows this many days")
define("dry_run", default=False, type=bool)

log = logging.getLogger("prune")

TABLES = {
    "password_resets": "coalesce(used_at, expires_at)",
    "refresh_tokens": "revoked_at",
    "notifications": "read_at",
}


async def prune(pool):
    total = 0
    for table, column in TABLES.items():
        where = f"{column} IS NOT NULL AND {column} < now() - make_interval(days => $1)"
        if options.dry_run:
            n = await pool.fetchval(f"SELECT count(*) FROM {table} WHERE {where}", options.keep_days)
        else:
            result = await pool.execute(f"DELETE FROM {table} WHERE {where}", options.keep_days)
            n = int(result.split()[-1])
        log.info("%s: %d rows %s", table, n, "would be removed" if options.dry_run else "removed")
        total += n
    log.info("done, %d rows in total", total)


if __name__ == "__main__":
    run(prune)
