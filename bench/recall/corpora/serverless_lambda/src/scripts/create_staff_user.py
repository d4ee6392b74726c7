#!/usr/bin/env python3
"""Create or reset a host-stand login for a restaurant.

    AWS_PROFILE=tablebook-prod STAFF_TABLE=tablebook-staff-prod \
        python scripts/create_staff_user.py --restaurant r42 --username maria.host --role host
"""
import argparse
import getpass
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "layer" / "python"))

from tablebook.repositories import users  # noqa: E402
from tablebook.services.staff_auth import hash_staff_password, new_salt  # noqa: E402

ROLES = ("host", "manager", "owner")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--restaurant", required=True)
    parser.add_argument("--username", required=True)
    parser.add_argument("--role", choices=ROLES, default="host")
    args = parser.parse_args()

    password = getpass.getpass("Password for %s: " % args.username)
    if len(password) < 10 or password != getpass.getpass("Repeat: "):
        sys.exit("passwords must match and be at least 10 characters")

    existing = users.get_staff(args.username.lower())
    salt = new_salt()
    users.put_staff({
        "username": args.username.lower(),
        "staff_id": existing["staff_id"] if existing else uuid.uuid4().hex,
        "restaurant_id": args.restaurant,
        "role": args.role,
        "salt": salt,
        "password_hash": hash_staff_password(password, salt),
        "active": True,
    })
    print("saved %s (%s) for restaurant %s" % (args.username, args.role, args.restaurant))


if __name__ == "__main__":
    main()
