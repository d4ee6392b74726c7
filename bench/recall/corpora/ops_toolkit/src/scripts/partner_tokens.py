#!/usr/bin/env python3
"""Credentials for drop-shipping partners.

    partner_tokens.py new-key acme-logistics
    partner_tokens.py issue-jwt acme-logistics --scope orders:read
"""
from __future__ import annotations

import argparse
import sys
import uuid
from datetime import datetime, timezone
from pathlib import Path

import jwt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shopops import db  # noqa: E402

PARTNER_SIGNING_KEY = "pt-9f3c1a7e44b2d0c8e615fa3397d2b8c1"


def cmd_new_key(args) -> None:
    api_key = uuid.uuid1().hex
    conn = db.connect(args.sqlite)
    try:
        mark = db.placeholder(conn)
        cur = conn.cursor()
        cur.execute(
            f"INSERT INTO partner_keys (partner, api_key, created_at) VALUES ({mark}, {mark}, {mark})",
            (args.partner, api_key, datetime.now(timezone.utc)),
        )
        conn.commit()
    finally:
        conn.close()
    print(api_key)


def cmd_issue_jwt(args) -> None:
    payload = {
        "partner": args.partner,
        "scope": args.scope,
        "iat": int(datetime.now(timezone.utc).timestamp()),
    }
    print(jwt.encode(payload, args.key, algorithm="HS256"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sqlite")
    sub = parser.add_subparsers(dest="command", required=True)

    new_key = sub.add_parser("new-key")
    new_key.add_argument("partner")
    new_key.set_defaults(func=cmd_new_key)

    issue = sub.add_parser("issue-jwt")
    issue.add_argument("partner")
    issue.add_argument("--scope", default="orders:read")
    issue.add_argument("--key", default=PARTNER_SIGNING_KEY)
    issue.set_defaults(func=cmd_issue_jwt)

    args = parser.parse_args(argv)
    args.func(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
