from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from payroll.importing import import_rows, read_rows
from payroll.models import Department


class Command(BaseCommand):
    help = "Import or update employees from an HRIS CSV export"

    def add_arguments(self, parser):
        parser.add_argument("csv_path", type=Path)
        parser.add_argument("--department", help="Department code for rows without one")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, csv_path, department=None, dry_run=False, **options):
        if not csv_path.exists():
            raise CommandError(f"{csv_path} does not exist")

        default_department = None
        if department:
            try:
                default_department = Department.objects.get(code=department)
            except Department.DoesNotExist:
                raise CommandError(f"unknown department code {department}")

        with csv_path.open(encoding="utf-8-sig", newline="") as fh:
            try:
                rows = read_rows(fh)
            except ValueError as exc:
                raise CommandError(str(exc))

        result = import_rows(rows, default_department=default_department, dry_run=dry_run)

        for error in result.errors:
            self.stderr.write(self.style.WARNING(error))
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.created} created, {result.updated} updated, "
                f"{result.cost_centres} cost centres changed"
                + (" (dry run, rolled back)" if dry_run else "")
            )
        )
