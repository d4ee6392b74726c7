#!/usr/bin/env python
"""Export a clinic's invoices for the accountants.

    python scripts/export_invoices.py --clinic 64f0c2... --since 2024-04-01 --out exports/q2.csv
"""
import argparse
import csv
import os
import sys
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pawprint import create_app  # noqa: E402
from pawprint.billing.db import get_cursor  # noqa: E402

COLUMNS = [
    "number",
    "issued_at",
    "due_at",
    "status",
    "currency",
    "total_cents",
    "paid_cents",
    "account_name",
    "account_email",
]


def parse_args():
    parser = argparse.ArgumentParser(description="Export invoices to CSV")
    parser.add_argument("--clinic", required=True, help="clinic id")
    parser.add_argument("--since", default=date(date.today().year, 1, 1).isoformat())
    parser.add_argument("--until", default=date.today().isoformat())
    parser.add_argument("--status", default=None, help="only invoices with this status")
    parser.add_argument("--out", default="-")
    return parser.parse_args()


def fetch(args):
    where = f"i.clinic_id = '{args.clinic}' AND i.issued_at >= '{args.since}' AND i.issued_at < '{args.until}'"
    if args.status:
        where += f" AND i.status = '{args.status}'"
    query = (
        "SELECT i.number, i.issued_at, i.due_at, i.status, i.currency, i.total_cents, i.paid_cents, "
        "a.full_name AS account_name, a.email AS account_email "
        "FROM invoices i JOIN billing_accounts a ON a.id = i.account_id "
        f"WHERE {where} ORDER BY i.issued_at"
    )
    with get_cursor() as cur:
        cur.execute(query)
        return cur.fetchall()


def main():
    args = parse_args()
    app = create_app(os.environ.get("FLASK_CONFIG", "production"))
    with app.app_context():
        rows = fetch(args)

    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")
    try:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row[k] for k in COLUMNS})
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"Exported {len(rows)} invoices", file=sys.stderr)


if __name__ == "__main__":
    main()
