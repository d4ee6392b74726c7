from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from appointments.models import Appointment


class Command(BaseCommand):
    help = "Delete cancelled appointments (and their notes) older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=365)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=options["days"])
        table = Appointment._meta.db_table
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*) FROM {table} WHERE status = %s AND starts_at < %s",
                [Appointment.Status.CANCELLED, cutoff],
            )
            (count,) = cursor.fetchone()
            if options["dry_run"]:
                self.stdout.write(f"{count} cancelled appointments would be deleted.")
                return
            cursor.execute(
                f"DELETE FROM {table} WHERE status = %s AND starts_at < %s",
                [Appointment.Status.CANCELLED, cutoff],
            )
        self.stdout.write(self.style.SUCCESS(f"Deleted {count} cancelled appointments."))
