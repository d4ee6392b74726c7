"""
Import a term's grades exported from the exam board spreadsheet.

The CSV has one row per student and one column per assessment code::

    student_number,MATH-T1,ENG-ESSAY1,SCI-LAB2
    S240017,78,64,81
"""
import csv
import logging
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from grades.models import Assessment, Term
from grades.services import record_grade
from students.models import Student

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Import grades for a term from a CSV export."

    def add_arguments(self, parser):
        parser.add_argument("csv_path")
        parser.add_argument("--term", required=True, help="Term code, e.g. 2024-AUT")
        parser.add_argument("--replace", action="store_true", help="Delete existing grades for these assessments first")

    def handle(self, *args, **options):
        try:
            term = Term.objects.get(code=options["term"])
        except Term.DoesNotExist:
            raise CommandError(f"Unknown term {options['term']}")

        with open(options["csv_path"], newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            assessment_codes = [c for c in reader.fieldnames if c != "student_number"]
            rows = list(reader)

        assessments = {a.code: a for a in Assessment.objects.filter(term=term, code__in=assessment_codes)}
        missing = set(assessment_codes) - set(assessments)
        if missing:
            self.stderr.write("Ignoring unknown assessment columns: " + ", ".join(sorted(missing)))

        imported = skipped = 0
        with transaction.atomic():
            if options["replace"]:
                self._clear_existing(term.code, assessment_codes)
            for row in rows:
                student = Student.objects.filter(student_number=row["student_number"].strip()).first()
                if student is None:
                    skipped += 1
                    continue
                for code, assessment in assessments.items():
                    raw = (row.get(code) or "").strip()
                    if not raw:
                        continue
                    try:
                        score = Decimal(raw)
                    except InvalidOperation:
                        logger.warning("Bad score %r for %s/%s", raw, row["student_number"], code)
                        skipped += 1
                        continue
                    record_grade(student=student, assessment=assessment, score=score, teacher=None)
                    imported += 1

        self.stdout.write(self.style.SUCCESS(f"Imported {imported} grades ({skipped} skipped)."))

    def _clear_existing(self, term_code, assessment_codes):
        code_list = ", ".join("'%s'" % code for code in assessment_codes)
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM grades_grade WHERE assessment_id IN ("
                " SELECT a.id FROM grades_assessment a JOIN grades_term t ON t.id = a.term_id"
                " WHERE t.code = %s AND a.code IN (" + code_list + "))",
                [term_code],
            )
            logger.info("Removed %d existing grades for term %s", cursor.rowcount, term_code)
