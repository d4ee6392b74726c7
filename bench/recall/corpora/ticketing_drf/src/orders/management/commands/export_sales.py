import csv
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = "Export paid order lines for an event as CSV (for promoter settlements)."

    def add_arguments(self, parser):
        parser.add_argument("event_id", type=int)
        parser.add_argument("--since", default="1970-01-01", help="ISO date, inclusive")
        parser.add_argument("--status", default="paid")

    def handle(self, *args, **options):
        event_id = options["event_id"]
        since = options["since"]
        status = options["status"]

        query = (
            "SELECT o.reference, o.paid_at, tt.name, oi.quantity, oi.unit_price "
            "FROM orders_orderitem oi "
            "JOIN orders_order o ON o.id = oi.order_id "
            "JOIN events_tickettype tt ON tt.id = oi.ticket_type_id "
            f"WHERE o.event_id = {event_id} AND o.status = '{status}' AND o.paid_at >= '{since}' "
            "ORDER BY o.paid_at"
        )
        with connection.cursor() as cursor:
            cursor.execute(query)
            rows = cursor.fetchall()

        if not rows:
            raise CommandError(f"No {status} orders for event {event_id} since {since}.")

        writer = csv.writer(sys.stdout)
        writer.writerow(["reference", "paid_at", "ticket_type", "quantity", "unit_price"])
        writer.writerows(rows)
        self.stderr.write(self.style.SUCCESS(f"Exported {len(rows)} lines."))
