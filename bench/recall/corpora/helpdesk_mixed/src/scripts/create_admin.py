#!/usr/bin/env python3
"""Create (or reset) a local helpdesk agent account.

    python scripts/create_admin.py alice alice@corp.example.com
"""
import argparse
import getpass
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import db  # noqa: E402
import settings  # noqa: E402
from app import app  # noqa: E402
from auth import hasher  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("username")
    parser.add_argument("email")
    args = parser.parse_args(argv)

    password = getpass.getpass("Password: ")
    if len(password) < settings.PASSWORD_MIN_LENGTH:
        print(f"password must be at least {settings.PASSWORD_MIN_LENGTH} characters", file=sys.stderr)
        return 2
    if password != getpass.getpass("Again: "):
        print("passwords differ", file=sys.stderr)
        return 2

    with app.app_context():
        existing = db.get_user_by_username(args.username.lower())
        if existing:
            db.set_password_hash(existing["id"], hasher.hash(password))
            db.update_user(existing["id"], is_admin=1, is_active=1)
            print(f"updated {args.username}")
        else:
            db.create_user(args.username.lower(), args.email, args.username,
                           password_hash=hasher.hash(password), is_admin=True)
            print(f"created {args.username}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
