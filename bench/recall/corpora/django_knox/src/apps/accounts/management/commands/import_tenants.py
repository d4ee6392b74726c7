"""Import tenants exported from the previous property-management system.

Usage:
    python manage.py import_tenants exports/tenants.csv --portfolio 3 [--dry-run]

Expected columns: email, first_name, last_name, phone, building_code,
unit_number, lease_start, lease_end, monthly_rent, temp_password
"""
import csv
import logging
from datetime import date
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.crypto import get_random_string

from apps.accounts.models import User
from apps.leases.models import Lease
from apps.properties.models import Portfolio, Unit

logger = logging.getLogger(__name__)

REQUIRED_COLUMNS = {"email", "first_name", "last_name", "building_code", "unit_number", "lease_start"}


class Command(BaseCommand):
    help = "Import tenants and their current leases from a legacy CSV export."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--portfolio", type=int, required=True)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        try:
            portfolio = Portfolio.objects.get(pk=options["portfolio"])
        except Portfolio.DoesNotExist as exc:
            raise CommandError(f"Portfolio {options['portfolio']} does not exist") from exc

        with open(options["path"], newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
            if missing:
                raise CommandError(f"Missing columns: {', '.join(sorted(missing))}")
            rows = list(reader)

        created = skipped = 0
        with transaction.atomic():
            for line_no, row in enumerate(rows, start=2):
                unit = Unit.objects.filter(
                    building__portfolio=portfolio,
                    building__code=row["building_code"].strip(),
                    number=row["unit_number"].strip(),
                ).first()
                if unit is None:
                    logger.warning("line %s: unknown unit %s/%s", line_no, row["building_code"], row["unit_number"])
                    skipped += 1
                    continue

                tenant, was_created = self._upsert_tenant(row)
                self._upsert_lease(unit, tenant, row)
                created += int(was_created)

            if options["dry_run"]:
                transaction.set_rollback(True)

        self.stdout.write(self.style.SUCCESS(f"{created} tenants created, {skipped} rows skipped"))

    def _upsert_tenant(self, row):
        email = row["email"].strip().lower()
        return User.objects.update_or_create(
            email=email,
            defaults={
                "username": email,
                "first_name": row["first_name"].strip(),
                "last_name": row["last_name"].strip(),
                "phone": row.get("phone", "").strip(),
                "role": User.Role.TENANT,
                "password": row.get("temp_password") or get_random_string(16),
            },
        )

    def _upsert_lease(self, unit, tenant, row):
        Lease.objects.update_or_create(
            unit=unit,
            primary_tenant=tenant,
            start_date=date.fromisoformat(row["lease_start"]),
            defaults={
                "end_date": date.fromisoformat(row["lease_end"]) if row.get("lease_end") else None,
                "monthly_rent": Decimal(row.get("monthly_rent") or "0"),
                "status": Lease.Status.ACTIVE,
            },
        )
