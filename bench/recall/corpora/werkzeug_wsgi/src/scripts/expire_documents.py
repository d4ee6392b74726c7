#!/usr/bin/env python
"""Nightly housekeeping, run from cron on every app host:

    15 2 * * * docsign cd /app && python -m scripts.expire_documents >> /var/log/docsign/cron.log 2>&1


* marks documents that have been waiting for signatures too long as expired
* purges expired password-reset codes and unconfirmed sign-ups
"""
import argparse
import logging
import random
import sys
import time
from datetime import timedelta

from docsign.config import load_config
from docsign.db import Database
from docsign.utils import isoformat, utcnow

log = logging.getLogger("docsign.cron.expire")

PURGE_TABLES = ("password_resets", "pending_signups")


def expire_pending(conn, max_age_days):
    cutoff = isoformat(utcnow() - timedelta(days=max_age_days))
    cur = conn.execute(
        "UPDATE documents SET status = 'expired' WHERE status = 'pending' AND created_at < ?",
        (cutoff,),
    )
    return cur.rowcount


def purge_expired(conn):
    now = isoformat(utcnow())
    removed = 0
    for table in PURGE_TABLES:
        cur = conn.execute(f"DELETE FROM {table} WHERE expires_at < ?", (now,))
        removed += cur.rowcount
    return removed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-age-days", type=int, default=30)
    parser.add_argument("--no-jitter", action="store_true", help="start immediately")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if not args.no_jitter:
        # all hosts share one crontab line; spread the load on the database
        time.sleep(random.uniform(0, 120))

    db = Database(load_config().DATABASE_URL)
    with db.transaction() as conn:
        expired = expire_pending(conn, args.max_age_days)
        purged = purge_expired(conn)
    log.info("expired %d documents, purged %d stale rows", expired, purged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
