import csv
import logging
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from venues.models import Venue

logger = logging.getLogger("tixly.venues")

REQUIRED_COLUMNS = {"ref", "name", "address", "city"}


def _decimal(value):
    if value in (None, ""):
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}")


def _int(value, default=0):
    if value in (None, ""):
        return default
    return int(value.replace(",", "").replace(".", ""))


class Command(BaseCommand):
    help = "Import or update venues from a CSV export (columns: ref, name, address, city, ...)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file to import")
        parser.add_argument("--encoding", default="utf-8-sig")
        parser.add_argument("--country", default="NL", help="Default country code when the column is empty")
        parser.add_argument("--dry-run", action="store_true", help="Parse and validate but don't write")

    def handle(self, *args, **options):
        path = options["path"]
        try:
            handle = open(path, newline="", encoding=options["encoding"])
        except OSError as exc:
            raise CommandError(f"Cannot open {path}: {exc}")

        created = updated = skipped = 0
        errors = []

        with handle:
            reader = csv.DictReader(handle, delimiter=",")
            missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
            if missing:
                raise CommandError(f"Missing columns: {', '.join(sorted(missing))}")

            with transaction.atomic():
                for lineno, row in enumerate(reader, start=2):
                    ref = (row.get("ref") or "").strip()
                    if not ref or not row.get("name"):
                        skipped += 1
                        continue
                    try:
                        defaults = {
                            "name": row["name"].strip(),
                            "address": row["address"].strip(),
                            "city": row["city"].strip().title(),
                            "postcode": (row.get("postcode") or "").strip().upper(),
                            "country": (row.get("country") or options["country"]).strip().upper()[:2],
                            "capacity": _int(row.get("capacity")),
                            "latitude": _decimal(row.get("latitude")),
                            "longitude": _decimal(row.get("longitude")),
                            "website": (row.get("website") or "").strip(),
                            "description": row.get("description") or "",
                        }
                    except ValueError as exc:
                        errors.append(f"line {lineno}: {exc}")
                        continue

                    venue = Venue.objects.filter(external_ref=ref).first()
                    if venue is None:
                        venue = Venue(external_ref=ref, **defaults)
                        created += 1
                    else:
                        for field, value in defaults.items():
                            setattr(venue, field, value)
                        updated += 1
                    venue.save()

                if options["dry_run"]:
                    transaction.set_rollback(True)

        for error in errors:
            self.stderr.write(self.style.ERROR(error))

        summary = f"{created} created, {updated} updated, {skipped} skipped, {len(errors)} errors"
        if options["dry_run"]:
            summary += " (dry run, nothing saved)"
        logger.info("Venue import from %s: %s", path, summary)
        self.stdout.write(self.style.SUCCESS(summary))
