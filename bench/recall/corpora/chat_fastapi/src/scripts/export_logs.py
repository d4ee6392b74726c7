#!/usr/bin/env python
"""Export audit or login events for a time window as CSV.

    python -m scripts.export_logs audit --since 2024-05-01 --until 2024-06-01 -o may.csv
    python -m scripts.export_logs logins --since 2024-05-01 --failed-only > failed.csv

Connects with the same DATABASE_URL the app uses (the asyncpg driver
suffix is dropped).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from datetime import date, datetime, time, timezone
from typing import Any, Iterable

import psycopg
from psycopg.rows import dict_row

TABLES = {
    "audit": {
        "table": "audit_log",
        "columns": ["id", "created_at", "actor_id", "action", "target", "ip", "details"],
    },
    "logins": {
        "table": "login_events",
        "columns": ["id", "created_at", "user_id", "email", "success", "ip", "user_agent"],
    },
}
BATCH = 2000


def _dsn() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        sys.exit("DATABASE_URL is not set")
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def _day(value: str) -> datetime:
    return datetime.combine(date.fromisoformat(value), time.min, tzinfo=timezone.utc)


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=sorted(TABLES))
    parser.add_argument("--since", type=_day, required=True, help="YYYY-MM-DD, inclusive")
    parser.add_argument("--until", type=_day, help="YYYY-MM-DD, exclusive (default: now)")
    parser.add_argument("--action", help="audit only: action prefix, e.g. admin.")
    parser.add_argument("--failed-only", action="store_true", help="logins only")
    parser.add_argument("-o", "--output", help="file to write (default: stdout)")
    return parser.parse_args(argv)


def build_query(args: argparse.Namespace) -> tuple[str, list[Any]]:
    spec = TABLES[args.kind]
    cols = ", ".join(spec["columns"])
    where = ["created_at >= %s"]
    params: list[Any] = [args.since]
    if args.until:
        where.append("created_at < %s")
        params.append(args.until)
    if args.kind == "audit" and args.action:
        where.append("action LIKE %s")
        params.append(args.action.replace("%", r"\%").replace("_", r"\_") + "%")
    if args.kind == "logins" and args.failed_only:
        where.append("success = false")
    sql = f"SELECT {cols} FROM {spec['table']} WHERE {' AND '.join(where)} ORDER BY created_at, id"
    return sql, params


def _rows(conn: psycopg.Connection, sql: str, params: list[Any]) -> Iterable[dict[str, Any]]:
    with conn.cursor(name="export", row_factory=dict_row) as cur:
        cur.itersize = BATCH
        cur.execute(sql, params)
        yield from cur


def write_csv(rows: Iterable[dict[str, Any]], columns: list[str], out) -> int:
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    n = 0
    for row in rows:
        if isinstance(row.get("details"), (dict, list)):
            row["details"] = json.dumps(row["details"], sort_keys=True)
        writer.writerow(row)
        n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv if argv is not None else sys.argv[1:])
    sql, params = build_query(args)
    columns = TABLES[args.kind]["columns"]
    out = open(args.output, "w", newline="", encoding="utf-8") if args.output else sys.stdout
    try:
        with psycopg.connect(_dsn()) as conn:
            rows = _rows(conn, sql, params)
            count = write_csv(rows, columns, out)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"exported {count} {args.kind} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
