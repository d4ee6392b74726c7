import csv
import io
import os
from decimal import Decimal, InvalidOperation
from urllib.request import urlopen

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

DEFAULT_FEED_URL = "ftp://inkspine:Gr33nL3af!2023@ftp.bertrams-trade.example.com/outbound/stock_full.csv"


class Command(BaseCommand):
    help = "Update stock levels and prices from the distributor's CSV feed (or a local CSV file)."

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", help="Path to a CSV file. Defaults to the distributor feed.")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, source=None, dry_run=False, **options):
        rows = list(self.read_rows(source))
        if not rows:
            raise CommandError("The feed was empty.")

        updated = 0
        with transaction.atomic():
            with connection.cursor() as cursor:
                for row in rows:
                    isbn, qty, price = self.clean_row(row)
                    if isbn is None:
                        continue
                    cursor.execute("UPDATE catalog_book SET stock = %d, price = %s WHERE isbn = '%s'" % (qty, price, isbn))
                    updated += cursor.rowcount
            if dry_run:
                transaction.set_rollback(True)

        self.stdout.write(self.style.SUCCESS(f"Updated {updated} of {len(rows)} titles."))

    def read_rows(self, source):
        if source:
            with open(source, newline="", encoding="utf-8-sig") as fh:
                yield from csv.DictReader(fh)
            return
        url = os.environ.get("STOCK_FEED_URL") or DEFAULT_FEED_URL
        with urlopen(url, timeout=60) as resp:
            yield from csv.DictReader(io.TextIOWrapper(resp, encoding="utf-8-sig"))

    def clean_row(self, row):
        try:
            qty = int(row["qty_available"])
            price = Decimal(row["rrp"]).quantize(Decimal("0.01"))
        except (KeyError, ValueError, InvalidOperation):
            self.stderr.write(f"Skipping malformed row: {row!r}")
            return None, None, None
        return row["isbn13"].strip(), qty, price
