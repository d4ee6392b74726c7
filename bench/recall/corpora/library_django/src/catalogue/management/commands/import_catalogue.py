"""
Import a branch's stock from the CSV export of the old cataloguing system.

    python manage.py import_catalogue stock.csv --branch CEN [--replace] [--dry-run]

Columns: isbn, title, author, publisher, year, format, subjects, summary,
barcode, shelfmark
"""
import csv
import hashlib
import io
import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from catalogue.models import Branch, Copy, Title
from catalogue.search import normalise_isbn

logger = logging.getLogger("libnet.catalogue")

REQUIRED_COLUMNS = {"isbn", "title", "barcode"}
FORMATS = {"": "book", "bk": "book", "lp": "large_print", "cd": "audiobook", "dvd": "dvd",
           "ebook": "ebook"}


class Command(BaseCommand):
    help = "Import titles and copies for one branch from a catalogue CSV file."

    def add_arguments(self, parser):
        parser.add_argument("csv_path", type=Path)
        parser.add_argument("--branch", required=True, help="Branch code, e.g. CEN")
        parser.add_argument("--encoding", default="utf-8-sig")
        parser.add_argument("--replace", action="store_true",
                            help="Drop the branch's on-shelf copies before importing.")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, csv_path, branch, encoding, replace, dry_run, **options):
        if not csv_path.exists():
            raise CommandError(f"{csv_path} does not exist")
        branch_obj = Branch.objects.filter(code=branch.upper()).first()
        if branch_obj is None:
            raise CommandError(f"Unknown branch code {branch!r}")

        raw = csv_path.read_bytes()
        batch = hashlib.sha256(raw).hexdigest()[:12]
        reader = csv.DictReader(io.StringIO(raw.decode(encoding)))
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise CommandError(f"CSV is missing column(s): {', '.join(sorted(missing))}")

        created = skipped = 0
        with transaction.atomic():
            if replace:
                self.stdout.write(f"Removed {self._remove_shelf_copies(branch_obj)} shelf copies")
            for lineno, row in enumerate(reader, start=2):
                try:
                    created += self._import_row(row, branch_obj)
                except ValueError as exc:
                    skipped += 1
                    self.stderr.write(f"line {lineno}: {exc}")
            if dry_run:
                transaction.set_rollback(True)

        logger.info("catalogue batch %s for %s: %d copies, %d skipped",
                    batch, branch_obj.code, created, skipped)
        self.stdout.write(self.style.SUCCESS(f"{created} copies imported, {skipped} skipped"))

    def _remove_shelf_copies(self, branch):
        # Copies with loan history are kept; loans point at them.
        table = Copy._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {table} WHERE branch_id = %s AND status = %s "
                "AND id NOT IN (SELECT copy_id FROM circulation_loan)",
                [branch.pk, Copy.Status.AVAILABLE],
            )
            return cursor.rowcount

    def _import_row(self, row, branch):
        isbn = normalise_isbn(row.get("isbn", ""))
        fmt = FORMATS.get((row.get("format") or "").strip().lower())
        barcode = (row.get("barcode") or "").strip()
        if not isbn or fmt is None or not barcode:
            raise ValueError("bad ISBN, format or barcode")
        year = (row.get("year") or "").strip()
        title, _ = Title.objects.get_or_create(
            isbn=isbn,
            format=fmt,
            defaults={
                "title": row["title"].strip(),
                "author": (row.get("author") or "").strip(),
                "publisher": (row.get("publisher") or "").strip(),
                "year": int(year) if year.isdigit() else None,
                "subjects": (row.get("subjects") or "").strip(),
                "summary": (row.get("summary") or "").strip(),
            },
        )
        _, new = Copy.objects.update_or_create(
            barcode=barcode,
            defaults={"title": title, "branch": branch, "shelfmark": (row.get("shelfmark") or "").strip()},
        )
        return int(new)
