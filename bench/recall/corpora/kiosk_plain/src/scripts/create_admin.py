#!/usr/bin/env python3
"""Create (or promote) a back-office administrator.

    python -m scripts.create_admin manager@palacepicturehouse.co.uk "Jo Bloggs"
"""
import argparse
import datetime as dt
import getpass
import sys

from kiosk import db, passwords
from kiosk.services import accounts


def prompt_password(email):
    while True:
        first = getpass.getpass("Password: ")
        try:
            passwords.check_strength(first, email)
        except passwords.WeakPassword as exc:
            print(exc)
            continue
        if getpass.getpass("Again: ") != first:
            print("Passwords differ, try again.")
            continue
        return first


def main(argv=None):
    parser = argparse.ArgumentParser(description="Create a kiosk administrator.")
    parser.add_argument("email")
    parser.add_argument("name")
    args = parser.parse_args(argv)
    email = args.email.strip().lower()

    existing = accounts.find_by_email(email)
    if existing:
        db.update("customers", existing["id"], {"is_admin": 1, "active": 1})
        print("Promoted %s to administrator." % email)
        return 0

    password = prompt_password(email)
    db.insert("customers", {
        "email": email,
        "name": args.name,
        "password_hash": passwords.hash_password(password),
        "is_admin": 1,
        "active": 1,
        "created_at": dt.datetime.now(),
    })
    print("Administrator %s created." % email)
    return 0


if __name__ == "__main__":
    sys.exit(main())
