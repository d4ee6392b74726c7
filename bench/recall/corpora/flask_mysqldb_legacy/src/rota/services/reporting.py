"""Monthly hours report for regional managers."""
import calendar
import csv
import hashlib
import io
from datetime import date

from ..repositories import reports as report_repo


def month_bounds(year, month):
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last)


def hours_report(clinic_ids, year, month):
    start, end = month_bounds(year, month)
    return report_repo.hours_by_clinic(clinic_ids, start, end)


def to_csv(rows):
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["clinic", "role", "hours"])
    for r in rows:
        writer.writerow([r["clinic"], r["role"], f"{float(r['hours'] or 0):.2f}"])
    return buf.getvalue()


def etag_for(payload):
    return hashlib.sha256(payload.encode()).hexdigest()[:32]
