#!/usr/bin/env python
"""Create (or promote) an admin account.

    python -m scripts.create_admin ops@harbourhouse.co.uk "Ops Team"
"""
import argparse
import getpass
import sys

import sqlalchemy as sa

from bookings.auth.passwords import hash_password, password_problems
from bookings.db import sync_engine
from bookings.tables import users


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("email")
    parser.add_argument("display_name", nargs="?", default="Administrator")
    args = parser.parse_args(argv)

    password = getpass.getpass("Password: ")
    problems = password_problems(password, args.email)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if password != getpass.getpass("Again: "):
        print("Passwords don't match.", file=sys.stderr)
        return 1

    engine = sync_engine()
    with engine.begin() as conn:
        existing = conn.execute(
            sa.select(users.c.id).where(sa.func.lower(users.c.email) == args.email.lower())
        ).scalar()
        if existing:
            conn.execute(
                users.update()
                .where(users.c.id == existing)
                .values(is_admin=True, password_hash=hash_password(password))
            )
            print(f"Promoted user {existing} to admin.")
        else:
            result = conn.execute(
                users.insert().values(
                    email=args.email.lower(),
                    display_name=args.display_name,
                    password_hash=hash_password(password),
                    is_admin=True,
                    email_verified=True,
                )
            )
            print(f"Created admin user {result.inserted_primary_key[0]}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
