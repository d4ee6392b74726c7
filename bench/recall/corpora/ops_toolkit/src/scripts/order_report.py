#!/usr/bin/env python3
"""Build the daily order report as a static HTML page.

Examples::

    order_report.py --day 2024-03-01
    order_report.py --status refunded --since 2024-02-01 --sqlite snapshot.db
"""
from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shopops import db  # noqa: E402
from shopops.config import get_settings  # noqa: E402
from shopops.reports.render import ReportRenderer  # noqa: E402


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--day", type=date.fromisoformat, default=date.today() - timedelta(days=1))
    parser.add_argument("--since", help="ISO date; defaults to --day")
    parser.add_argument("--status", default="paid")
    parser.add_argument("--channel", default=None, help="web, marketplace, pos")
    parser.add_argument("--sqlite", help="read from a local SQLite snapshot instead of Postgres")
    parser.add_argument("--out", type=Path, default=None)
    return parser.parse_args(argv)


def fetch_rows(conn, status: str, since: str, channel: str | None):
    query = (
        "SELECT o.number, o.customer_email, o.status, o.total_cents, o.currency, "
        "o.gift_message, o.created_at FROM orders o "
        "WHERE o.status = '{}' AND o.created_at >= '{}'"
    ).format(status, since)
    if channel:
        query += " AND o.channel = '{}'".format(channel)
    cur = conn.cursor()
    cur.execute(query + " ORDER BY o.created_at")
    return cur.fetchall()


def main(argv=None) -> int:
    args = parse_args(argv)
    since = args.since or args.day.isoformat()
    conn = db.connect(args.sqlite)
    try:
        rows = fetch_rows(conn, args.status, since, args.channel)
    finally:
        conn.close()

    out_dir = args.out or get_settings().report_dir
    renderer = ReportRenderer(out_dir)
    total = sum(r["total_cents"] for r in rows)
    path = renderer.write(
        "reports/daily_orders.html",
        args.day,
        orders=[dict(r) for r in rows],
        status=args.status,
        total_cents=total,
    )
    print(f"{len(rows)} orders, report written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
