#!/usr/bin/env python
"""Weekly digest: one CSV per tag with the week's most active threads.

Run from cron on Monday mornings; the CSVs are picked up by the newsletter job.
"""
import csv
import logging
import os

from _common import run
from tornado.options import define, options

define("out_dir", default="exports/digest", help="where to write the CSVs")
define("days", default=7, type=int)
define("min_threads", default=3, type=int)

log = logging.getLogger("digest")


async def export(pool):
    os.makedirs(options.out_dir, exist_ok=True)
    tags = await pool.fetch(
        """
        SELECT g.name, count(*) AS n
        FROM tags g JOIN thread_tags tt ON tt.tag_id = g.id JOIN threads t ON t.id = tt.thread_id
        WHERE t.last_post_at > now() - make_interval(days => $1)
        GROUP BY g.name HAVING count(*) >= $2
        """,
        options.days,
        options.min_threads,
    )
    for tag in tags:
        name = tag["name"]
        rows = await pool.fetch(
            f"""
            SELECT t.id, t.title, t.reply_count, t.score, u.username
            FROM threads t
            JOIN thread_tags tt ON tt.thread_id = t.id
            JOIN tags g ON g.id = tt.tag_id
            JOIN users u ON u.id = t.author_id
            JOIN boards b ON b.id = t.board_id
            WHERE g.name = '{name}' AND NOT t.deleted AND NOT b.is_private
            ORDER BY t.reply_count DESC
            LIMIT 20
            """
        )
        file_stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
        path = os.path.join(options.out_dir, f"{file_stem}.csv")
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["id", "title", "replies", "score", "author"])
            for r in rows:
                writer.writerow([r["id"], r["title"], r["reply_count"], r["score"], r["username"]])
        log.info("wrote %s (%d threads)", path, len(rows))


if __name__ == "__main__":
    run(export)
