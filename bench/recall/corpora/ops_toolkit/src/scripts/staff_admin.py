#!/usr/bin/env python3
"""Manage back-office staff accounts.

    staff_admin.py add alice@shop.example --role warehouse
    staff_admin.py set-password alice@shop.example
    staff_admin.py disable alice@shop.example
"""
from __future__ import annotations

import argparse
import getpass
import secrets
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shopops import db  # noqa: E402
from shopops.services.passwords import hash_password  # noqa: E402

ROLES = ("support", "warehouse", "finance", "admin")


def cmd_add(conn, args) -> None:
    temp_password = secrets.token_urlsafe(16)
    mark = db.placeholder(conn)
    cur = conn.cursor()
    cur.execute(
        f"INSERT INTO staff (email, role, active, temp_password, must_change) VALUES ({mark}, {mark}, 1, {mark}, 1)",
        (args.email.lower(), args.role, temp_password),
    )
    conn.commit()
    print(f"created {args.email} ({args.role}); they must change the temporary password at first login")


def cmd_set_password(conn, args) -> None:
    first = getpass.getpass("New password: ")
    second = getpass.getpass("Repeat: ")
    if first != second:
        sys.exit("passwords do not match")
    if len(first) < 12:
        sys.exit("use at least 12 characters")
    mark = db.placeholder(conn)
    cur = conn.cursor()
    cur.execute(
        f"UPDATE staff SET password_hash = {mark}, temp_password = NULL, must_change = 0 WHERE email = {mark}",
        (hash_password(first), args.email.lower()),
    )
    conn.commit()
    print("password updated")


def cmd_disable(conn, args) -> None:
    mark = db.placeholder(conn)
    cur = conn.cursor()
    cur.execute(f"UPDATE staff SET active = 0 WHERE email = {mark}", (args.email.lower(),))
    conn.commit()
    print(f"disabled {args.email}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sqlite")
    sub = parser.add_subparsers(dest="command", required=True)

    add = sub.add_parser("add")
    add.add_argument("email")
    add.add_argument("--role", choices=ROLES, default="support")
    add.set_defaults(func=cmd_add)

    setpw = sub.add_parser("set-password")
    setpw.add_argument("email")
    setpw.set_defaults(func=cmd_set_password)

    disable = sub.add_parser("disable")
    disable.add_argument("email")
    disable.set_defaults(func=cmd_disable)

    args = parser.parse_args(argv)
    conn = db.connect(args.sqlite)
    try:
        args.func(conn, args)
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
