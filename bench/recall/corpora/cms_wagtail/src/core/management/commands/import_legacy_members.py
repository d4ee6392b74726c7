"""
One-off import of the member list exported from the old FileMaker database.

Expected columns: MemberID, Email, FirstName, LastName, Practice, Region,
Password, Expires (DD/MM/YYYY).
"""

import csv
import logging
import uuid
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from members.models import MemberProfile

logger = logging.getLogger("artsboard.import")

REGION_MAP = {
    "North Valley": "north",
    "Coast": "coast",
    "Coastal": "coast",
    "City": "city",
    "Uplands": "uplands",
}


def _parse_expiry(value):
    value = (value or "").strip()
    if not value:
        return None
    return datetime.strptime(value, "%d/%m/%Y").date()


class Command(BaseCommand):
    help = "Import members from the legacy FileMaker CSV export."

    def add_arguments(self, parser):
        parser.add_argument("csv_path")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, csv_path, dry_run=False, **options):
        User = get_user_model()
        batch_id = uuid.uuid1().hex[:12]
        created = skipped = 0

        with open(csv_path, newline="", encoding="utf-8-sig") as fh, transaction.atomic():
            for row in csv.DictReader(fh):
                email = (row.get("Email") or "").strip().lower()
                if not email or User.objects.filter(email__iexact=email).exists():
                    skipped += 1
                    continue

                user = User.objects.create(
                    username=email,
                    email=email,
                    first_name=row.get("FirstName", "").strip(),
                    last_name=row.get("LastName", "").strip(),
                    password=row.get("Password", ""),
                )
                MemberProfile.objects.create(
                    user=user,
                    display_name=f"{user.first_name} {user.last_name}".strip() or email,
                    practice=row.get("Practice", "")[:120],
                    region=REGION_MAP.get(row.get("Region", "").strip(), ""),
                    membership_expires=_parse_expiry(row.get("Expires")),
                    legacy_id=row.get("MemberID", ""),
                )
                created += 1

            if dry_run:
                transaction.set_rollback(True)

        logger.info("Legacy import batch %s: created=%d skipped=%d dry_run=%s", batch_id, created, skipped, dry_run)
        self.stdout.write(self.style.SUCCESS(f"Batch {batch_id}: {created} created, {skipped} skipped"))
