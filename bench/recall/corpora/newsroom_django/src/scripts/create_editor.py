#!/usr/bin/env python
"""Create a newsroom staff account.

    python scripts/create_editor.py jsmith jane.smith@harbourgazette.co.uk --desk sport
"""
import argparse
import getpass
import sys

from _django import setup


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("username")
    parser.add_argument("email")
    parser.add_argument("--first-name", default="")
    parser.add_argument("--last-name", default="")
    parser.add_argument("--desk", default="news", help="group to add the editor to")
    args = parser.parse_args()

    setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    if User.objects.filter(username=args.username).exists():
        sys.exit(f"{args.username} already exists")

    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Again: "):
        sys.exit("Passwords don't match")

    user = User.objects.create_user(args.username, args.email, password, first_name=args.first_name, last_name=args.last_name, is_staff=True)
    group, _ = Group.objects.get_or_create(name=f"desk:{args.desk}")
    user.groups.add(group)
    print(f"created {user.username} on the {args.desk} desk")


if __name__ == "__main__":
    main()
