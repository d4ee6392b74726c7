"""Export analytics events to CSV for the data team.

    python scripts/export_analytics.py --since 2024-03-01 --event view --out views.csv
"""
from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
from pathlib import Path

from inkwell.config import settings

COLUMNS = ["ts", "event", "note_id", "owner_id", "user_id", "meta"]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--db", type=Path, default=settings.analytics_db_path)
    parser.add_argument("--since", required=True, help="ISO date, e.g. 2024-03-01")
    parser.add_argument("--until", help="ISO date (exclusive)")
    parser.add_argument("--event", action="append", help="may be repeated; default: all events")
    parser.add_argument("--out", type=Path, help="CSV file; default: stdout")
    return parser.parse_args(argv)


def build_query(args: argparse.Namespace) -> tuple[str, list[str]]:
    where = ["ts >= '%s'" % args.since]
    params: list[str] = []
    if args.until:
        where.append("ts < ?")
        params.append(args.until)
    if args.event:
        where.append("event IN (%s)" % ", ".join("?" for _ in args.event))
        params.extend(args.event)
    sql = f"SELECT {', '.join(COLUMNS)} FROM events WHERE {' AND '.join(where)} ORDER BY ts"
    return sql, params


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.db.exists():
        print(f"no analytics database at {args.db}", file=sys.stderr)
        return 1

    sql, params = build_query(args)
    conn = sqlite3.connect(args.db)
    try:
        cursor = conn.execute(sql, params)
        out = args.out.open("w", newline="", encoding="utf-8") if args.out else sys.stdout
        try:
            writer = csv.writer(out)
            writer.writerow(COLUMNS)
            count = 0
            for row in cursor:
                writer.writerow(row)
                count += 1
        finally:
            if out is not sys.stdout:
                out.close()
    finally:
        conn.close()
    print(f"exported {count} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
