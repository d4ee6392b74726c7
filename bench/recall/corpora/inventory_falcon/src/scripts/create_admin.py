#!/usr/bin/env python
"""Create an admin account, or reset an existing account to admin.

    python scripts/create_admin.py ops@acme-logistics.com --name "Ops Lead"
"""

import argparse
import getpass
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stockroom.repositories.users import UserRepository  # noqa: E402
from stockroom.security import hash_password  # noqa: E402

MIN_LENGTH = 12


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("email")
    parser.add_argument("--name", default="Administrator")
    parser.add_argument("--role", default="admin", choices=["manager", "admin"])
    args = parser.parse_args(argv)

    first = getpass.getpass("New password: ")
    second = getpass.getpass("Repeat: ")
    if first != second:
        print("The passwords do not match.", file=sys.stderr)
        return 1
    if len(first) < MIN_LENGTH:
        print(f"Use at least {MIN_LENGTH} characters.", file=sys.stderr)
        return 1

    repo = UserRepository()
    existing = repo.get_by_email(args.email)
    if existing:
        repo.update(existing["id"], {"role": args.role, "password_hash": hash_password(first), "active": True})
        print(f"Updated {args.email} ({args.role}).")
    else:
        user = repo.create(email=args.email.lower(), full_name=args.name, role=args.role, password_hash=hash_password(first))
        print(f"Created {user['email']} ({args.role}) with id {user['id']}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
