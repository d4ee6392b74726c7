#!/usr/bin/env python
"""Create (or promote) an administrator account.

    python scripts/create_admin.py ops@example.com "Ops Team"
"""
import argparse
import getpass
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from salesportal import create_app  # noqa: E402
from salesportal.extensions import db  # noqa: E402
from salesportal.models import User  # noqa: E402
from salesportal.repositories import users as users_repo  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("email")
    parser.add_argument("full_name")
    args = parser.parse_args(argv)

    password = getpass.getpass("Password: ")
    if len(password) < 12 or password != getpass.getpass("Repeat: "):
        print("Passwords must match and be at least 12 characters.", file=sys.stderr)
        return 1

    app = create_app()
    with app.app_context():
        db.create_all()
        user = users_repo.get_by_email(args.email)
        if user is None:
            user = User(email=args.email.lower(), full_name=args.full_name)
            db.session.add(user)
        user.role = "admin"
        user.approved = True
        user.active = True
        user.set_password(password)
        db.session.commit()
        print(f"Admin account ready: {user.email} (id={user.id})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
