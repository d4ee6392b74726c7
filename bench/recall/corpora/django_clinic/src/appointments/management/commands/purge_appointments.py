from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction


class Command(BaseCommand):
    help = "Delete old appointments in a given status (used by the nightly cron job)."

    def add_arguments(self, parser):
        parser.add_argument("--status", default="cancelled")
        parser.add_argument("--before", required=True, help="ISO date, e.g. 2023-01-01")

    def handle(self, *args, **options):
        status = options["status"]
        before = options["before"]
        if not before:
            raise CommandError("--before is required")

        where = "WHERE status = '{}' AND starts_at < '{}'".format(status, before)
        delete_sql = "DELETE FROM appointments_appointment " + where

        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(delete_sql)
            count = cursor.rowcount
        self.stdout.write(self.style.SUCCESS(f"Deleted {count} appointment(s)."))
