"""
Import seller accounts exported from the old PHP storefront.

The export is a CSV with columns: email, name, shop_name, shop_slug, temp_password.
The old platform mailed every seller a temporary password; we keep it so the
welcome email can repeat it and nobody is locked out on launch day.
"""
import csv

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from catalog.models import Shop


class Command(BaseCommand):
    help = "Import sellers (and their shops) from the legacy storefront CSV export."

    def add_arguments(self, parser):
        parser.add_argument("csv_path")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, csv_path, dry_run, **options):
        try:
            handle = open(csv_path, newline="", encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot open {csv_path}: {exc}") from exc

        created_count = 0
        with handle, transaction.atomic():
            for row in csv.DictReader(handle):
                user, created = User.objects.get_or_create(
                    email=row["email"].strip().lower(),
                    defaults={
                        "display_name": row["name"].strip(),
                        "role": User.Role.SELLER,
                        "email_verified": True,
                        "password": row["temp_password"],
                    },
                )
                if created:
                    created_count += 1
                Shop.objects.get_or_create(
                    owner=user,
                    defaults={"name": row["shop_name"].strip(), "slug": row["shop_slug"].strip()},
                )
            if dry_run:
                transaction.set_rollback(True)

        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{verb} {created_count} new sellers."))
