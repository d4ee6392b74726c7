#!/usr/bin/env python
"""Dump current stock levels to CSV, used by finance at month end.

    python scripts/export_stock.py --warehouse LON1 --out lon1.csv
"""
import argparse
import csv
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app import create_app  # noqa: E402
from app.services.reports import stock_for_warehouses  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warehouse", action="append", required=True, help="warehouse code, repeatable")
    parser.add_argument("--out", default="-")
    return parser.parse_args()


def main():
    args = parse_args()
    app = create_app(os.environ.get("FLASK_CONFIG"))
    with app.app_context():
        rows = stock_for_warehouses([c.upper() for c in args.warehouse])

    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")
    try:
        writer = csv.writer(out)
        writer.writerow(["warehouse", "sku", "barcode", "quantity"])
        for r in rows:
            writer.writerow([r["warehouse"], r["sku"], r["barcode"], r["quantity"]])
    finally:
        if out is not sys.stdout:
            out.close()

    if args.out != "-":
        with open(args.out, "rb") as fh:
            checksum = hashlib.sha256(fh.read()).hexdigest()
        print(f"wrote {len(rows)} rows to {args.out} (sha256 {checksum})", file=sys.stderr)


if __name__ == "__main__":
    main()
