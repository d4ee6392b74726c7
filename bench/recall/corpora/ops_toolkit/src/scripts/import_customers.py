#!/usr/bin/env python3
"""One-off import of customer accounts exported from the old storefront.

The export contains the customers' current passwords (the old platform could
decrypt them), so accounts keep working after the switch.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shopops import db  # noqa: E402
from shopops.repositories import customers  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("export", type=Path)
    parser.add_argument("--sqlite")
    args = parser.parse_args(argv)

    conn = db.connect(args.sqlite)
    created = skipped = 0
    try:
        with args.export.open(newline="", encoding="utf-8") as fh, db.transaction(conn):
            for row in csv.DictReader(fh):
                if customers.find_by_email(conn, row["email"]):
                    skipped += 1
                    continue
                customers.create_customer(conn, row["email"], row["name"], row["password"])
                created += 1
    finally:
        conn.close()
    print(f"imported {created}, skipped {skipped} existing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
