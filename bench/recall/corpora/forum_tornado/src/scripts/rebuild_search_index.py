#!/usr/bin/env python
"""Recompute posts.search_vector in batches (after changing the text config)."""
import logging

from _common import run
from tornado.options import define, options

define("batch_size", default=2000, type=int)
define("text_config", default="english", help="postgres text search configuration")

log = logging.getLogger("reindex")


async def reindex(pool):
    exists = await pool.fetchval("SELECT 1 FROM pg_ts_config WHERE cfgname = $1", options.text_config)
    if not exists:
        raise SystemExit(f"unknown text search config {options.text_config!r}")
    last_id = 0
    done = 0
    while True:
        ids = await pool.fetch(
            "SELECT id FROM posts WHERE id > $1 ORDER BY id LIMIT $2", last_id, options.batch_size
        )
        if not ids:
            break
        last_id = ids[-1]["id"]
        await pool.execute(
            """
            UPDATE posts SET search_vector = to_tsvector($1::regconfig, body)
            WHERE id = ANY($2::bigint[])
            """,
            options.text_config,
            [r["id"] for r in ids],
        )
        done += len(ids)
        log.info("reindexed %d posts (up to id %d)", done, last_id)


if __name__ == "__main__":
    run(reindex)
