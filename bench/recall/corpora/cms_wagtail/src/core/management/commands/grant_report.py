import csv
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

REPORT_SQL = """
    SELECT a.%(group)s AS bucket,
           COUNT(*) AS applications,
           SUM(a.amount_requested) AS requested,
           SUM(CASE WHEN a.status = 'awarded' THEN a.amount_requested ELSE 0 END) AS awarded
    FROM grants_grantapplication a
    WHERE %(where)s
    GROUP BY a.%(group)s
    ORDER BY requested DESC
"""


class Command(BaseCommand):
    help = "Summarise applications for a funding round as CSV (for the board meeting pack)."

    def add_arguments(self, parser):
        parser.add_argument("--round", type=int, required=True, help="GrantApplicationPage id")
        parser.add_argument("--status", default="", help="Comma-separated statuses, e.g. submitted,in_review")
        parser.add_argument("--group-by", default="region", choices=["region", "status"])
        parser.add_argument("--output", help="Write to this file instead of stdout")

    def handle(self, *args, **options):
        filters = ["a.round_id = %d" % options["round"]]
        if options["status"]:
            statuses = [s.strip() for s in options["status"].split(",") if s.strip()]
            filters.append("a.status IN (%s)" % ", ".join("'%s'" % s for s in statuses))

        sql = REPORT_SQL % {"group": options["group_by"], "where": " AND ".join(filters)}
        with connection.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()

        if not rows:
            raise CommandError("No applications matched")

        out = open(options["output"], "w", newline="") if options["output"] else sys.stdout
        try:
            writer = csv.writer(out)
            writer.writerow([options["group_by"], "applications", "requested", "awarded"])
            writer.writerows(rows)
        finally:
            if out is not sys.stdout:
                out.close()
        self.stderr.write(self.style.SUCCESS(f"{len(rows)} rows written"))
