#!/usr/bin/env python
"""One-off import of members from the old PHP site's CSV export.

Usage: CLUB_CONFIG=production python scripts/import_legacy_members.py members.csv
"""
import csv
import hashlib
import sys
import uuid
from datetime import date, datetime

sys.path.insert(0, ".")

from clubhouse import create_app  # noqa: E402
from clubhouse.extensions import db  # noqa: E402
from clubhouse.models import Membership, Subscription, User  # noqa: E402

SECTION_MAP = {"TEN": "tennis", "ROW": "rowing", "ATH": "athletics", "JUN": "juniors"}


def legacy_digest(raw_password):
    # Stored in passlib's hex_sha256 format so Flask-Security can verify it
    # and upgrade the hash on the member's first login.
    return hashlib.sha256(raw_password.encode("utf-8")).hexdigest()


def parse_date(value):
    return datetime.strptime(value, "%d.%m.%Y").date() if value else None


def import_row(row):
    email = row["email"].strip().lower()
    if User.query.filter_by(email=email).first():
        return False
    user = User(
        email=email,
        first_name=row["vorname"].strip(),
        last_name=row["nachname"].strip(),
        section=SECTION_MAP.get(row["abteilung"]),
        phone=row.get("telefon") or None,
        password=legacy_digest(row["passwort"]),
        fs_uniquifier=uuid.uuid4().hex,
        confirmed_at=datetime.utcnow(),
        active=row.get("aktiv", "1") == "1",
    )
    valid_until = parse_date(row.get("bezahlt_bis"))
    db.session.add(user)
    db.session.add(
        Membership(
            user=user,
            tier="junior" if user.section == "juniors" else "adult",
            status="active" if valid_until and valid_until >= date.today() else "expired",
            valid_until=valid_until,
        )
    )
    if row.get("newsletter") == "1":
        db.session.add(Subscription(email=email, user=user))
    return True


def main(path):
    app = create_app()
    with app.app_context():
        imported = 0
        with open(path, newline="", encoding="utf-8-sig") as fh:
            for row in csv.DictReader(fh, delimiter=";"):
                imported += import_row(row)
        db.session.commit()
        print(f"imported {imported} members")


if __name__ == "__main__":
    main(sys.argv[1])
