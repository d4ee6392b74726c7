#!/usr/bin/env python3
"""Export users to CSV for the newsletter tool / support team.

    python scripts/export_users.py --since 2024-01-01 -o users.csv
"""
import argparse
import csv
import logging
import os
import sqlite3
import sys

DATABASE = os.environ.get("DATABASE_PATH", "/var/lib/photos/photos.sqlite3")

EXPORT_FIELDS = ("id", "username", "email", "display_name", "email_verified", "is_active", "created_at", "last_login_at")

log = logging.getLogger("photos.export")


def fetch_users(conn, since=None, verified_only=False):
    sql = f"SELECT {', '.join(EXPORT_FIELDS)} FROM users WHERE is_active = 1"
    params = []
    if since:
        sql += " AND created_at >= ?"
        params.append(since)
    if verified_only:
        sql += " AND email_verified = 1"
    sql += " ORDER BY id"
    return conn.execute(sql, params)


def bounced_addresses(conn):
    rows = conn.execute("SELECT DISTINCT lower(email) FROM bounces WHERE kind IN ('hard_bounce', 'complaint')")
    return {r[0] for r in rows}


def write_csv(rows, out, skip=frozenset()):
    writer = csv.writer(out)
    writer.writerow(EXPORT_FIELDS)
    count = 0
    for row in rows:
        if row["email"].lower() in skip:
            continue
        writer.writerow([row[f] for f in EXPORT_FIELDS])
        count += 1
    return count


def main(argv=None):
    parser = argparse.ArgumentParser(description="Export users as CSV")
    parser.add_argument("--db", default=DATABASE)
    parser.add_argument("--since", help="only users created on/after this date (YYYY-MM-DD)")
    parser.add_argument("--verified-only", action="store_true")
    parser.add_argument("--include-bounced", action="store_true")
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s", stream=sys.stderr)

    conn = sqlite3.connect(args.db)
    conn.row_factory = sqlite3.Row
    skip = frozenset() if args.include_bounced else bounced_addresses(conn)
    rows = fetch_users(conn, args.since, args.verified_only)
    if args.output == "-":
        count = write_csv(rows, sys.stdout, skip)
    else:
        with open(args.output, "w", newline="", encoding="utf-8") as fh:
            count = write_csv(rows, fh, skip)
        os.chmod(args.output, 0o600)
    log.info("exported %d users (%d bounced addresses skipped)", count, len(skip))
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
