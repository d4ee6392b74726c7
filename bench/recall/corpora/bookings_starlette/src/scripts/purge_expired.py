#!/usr/bin/env python
"""Housekeeping: drop expired reset codes / remember-me tokens and release
bookings that were never paid.

    python -m scripts.purge_expired [--hold-minutes 30] [--dry-run]
"""
import argparse
import logging
import sys

from sqlalchemy import text

from bookings.db import sync_engine

log = logging.getLogger("purge_expired")

TOKEN_TABLES = ("password_resets", "remember_tokens")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hold-minutes", type=int, default=30)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    engine = sync_engine()
    with engine.connect() as conn:
        trans = conn.begin()
        for table in TOKEN_TABLES:
            stmt = text(f"DELETE FROM {table} WHERE expires_at < now()")
            if args.dry_run:
                count = conn.execute(text(f"SELECT count(*) FROM {table} WHERE expires_at < now()")).scalar()
            else:
                count = conn.execute(stmt).rowcount
            log.info("%s: %d expired rows", table, count)

        released = conn.execute(
            text(
                "UPDATE bookings SET status = 'cancelled' "
                "WHERE status = 'pending' AND payment_id IS NULL "
                "AND created_at < now() - make_interval(mins => :mins)"
            ),
            {"mins": args.hold_minutes},
        )
        log.info("released %d unpaid bookings", released.rowcount)
        if args.dry_run:
            trans.rollback()
        else:
            trans.commit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
