"""One-off import of the reviewer pool from the old portal's CSV export.

Usage: python scripts/import_reviewers.py reviewers.csv [--dry-run]

The CSV has columns: email, name, organisation, initial_password.
Passwords are written in the old portal's format; User.check_password()
upgrades them to the current hash on first login.
"""
import argparse
import csv
import hashlib
import os
import secrets
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir)))

from sqlalchemy import select  # noqa: E402

from grants import create_app  # noqa: E402
from grants.extensions import db  # noqa: E402
from grants.models import User, utcnow  # noqa: E402


def legacy_hash(password):
    salt = secrets.token_hex(8)
    return "sha256$" + salt + "$" + hashlib.sha256((salt + password).encode()).hexdigest()


def import_rows(rows, dry_run=False):
    created = skipped = 0
    for row in rows:
        email = row["email"].strip().lower()
        if not email:
            continue
        if db.session.scalar(select(User).where(User.email == email)) is not None:
            skipped += 1
            continue
        user = User(
            email=email,
            name=row.get("name", "").strip() or email,
            organisation=row.get("organisation") or None,
            role="reviewer",
            confirmed=True,
            confirmed_at=utcnow(),
            password_hash=legacy_hash(row["initial_password"]),
        )
        db.session.add(user)
        created += 1
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    return created, skipped


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv_path")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    app = create_app()
    with app.app_context(), open(args.csv_path, newline="", encoding="utf-8-sig") as fh:
        created, skipped = import_rows(csv.DictReader(fh), dry_run=args.dry_run)
    print(f"created={created} skipped={skipped}{' (dry run)' if args.dry_run else ''}")


if __name__ == "__main__":
    main()
