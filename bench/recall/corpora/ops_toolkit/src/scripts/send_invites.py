#!/usr/bin/env python3
"""Invite new support staff from a CSV (email,role)."""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shopops import db  # noqa: E402
from shopops.services.tokens import invite_record  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("csv_file", type=Path)
    parser.add_argument("--sqlite")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)

    with args.csv_file.open(newline="") as fh:
        invites = [invite_record(row["email"].strip(), row.get("role") or "support") for row in csv.DictReader(fh)]

    if args.dry_run:
        print(f"would create {len(invites)} invites")
        return 0

    conn = db.connect(args.sqlite)
    try:
        mark = db.placeholder(conn)
        cur = conn.cursor()
        cur.executemany(
            f"INSERT INTO staff_invites (email, role, code, created_at, expires_at) "
            f"VALUES ({mark}, {mark}, {mark}, {mark}, {mark})",
            [(i["email"], i["role"], i["code"], i["created_at"], i["expires_at"]) for i in invites],
        )
        conn.commit()
    finally:
        conn.close()
    print(f"created {len(invites)} invites")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
