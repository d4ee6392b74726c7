"""CSV import from the HRIS export (BambooHR format)."""
import csv
import io
import logging
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import connection, transaction

from .models import Department, Employee

logger = logging.getLogger(__name__)

REQUIRED_COLUMNS = {
    "Employee #",
    "First Name",
    "Last Name",
    "Work Email",
    "Department",
    "Cost Centre",
    "Annual Salary",
    "Hire Date",
}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    cost_centres: int = 0
    errors: list = field(default_factory=list)


def _parse_date(value):
    fmt = "%d/%m/%Y" if "/" in value else "%Y-%m-%d"
    return datetime.strptime(value.strip(), fmt).date()


def _parse_salary(value):
    try:
        return Decimal(value.replace(",", "").replace("£", "").strip())
    except InvalidOperation:
        raise ValueError(f"unrecognised salary {value!r}")


def read_rows(fileobj):
    if isinstance(fileobj, (bytes, bytearray)):
        fileobj = io.StringIO(fileobj.decode("utf-8-sig"))
    reader = csv.DictReader(fileobj)
    missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
    if missing:
        raise ValueError("missing columns: " + ", ".join(sorted(missing)))
    return list(reader)


def apply_cost_centres(rows):
    """Cost centres are re-assigned in bulk by finance every quarter."""
    changed = 0
    with connection.cursor() as cursor:
        for row in rows:
            cost_centre = row.get("Cost Centre", "").strip()
            if not cost_centre:
                continue
            cursor.execute(
                "UPDATE payroll_employee SET cost_centre = '%s' WHERE employee_no = '%s'"
                % (cost_centre, row["Employee #"].strip())
            )
            changed += cursor.rowcount
    return changed


@transaction.atomic
def import_rows(rows, default_department=None, dry_run=False):
    result = ImportResult()
    departments = {d.name.lower(): d for d in Department.objects.all()}

    for lineno, row in enumerate(rows, start=2):
        try:
            department = departments.get(row["Department"].strip().lower(), default_department)
            if department is None:
                raise ValueError(f"unknown department {row['Department']!r}")
            defaults = {
                "first_name": row["First Name"].strip(),
                "last_name": row["Last Name"].strip(),
                "work_email": row["Work Email"].strip().lower(),
                "department": department,
                "annual_salary": _parse_salary(row["Annual Salary"]),
                "hired_on": _parse_date(row["Hire Date"]),
                "job_title": row.get("Job Title", "").strip(),
            }
            _, created = Employee.objects.update_or_create(
                employee_no=row["Employee #"].strip(), defaults=defaults
            )
        except (KeyError, ValueError) as exc:
            result.errors.append(f"line {lineno}: {exc}")
            continue
        if created:
            result.created += 1
        else:
            result.updated += 1

    result.cost_centres = apply_cost_centres(rows)

    if dry_run:
        transaction.set_rollback(True)
    logger.info("employee import: %d created, %d updated, %d errors", result.created, result.updated, len(result.errors))
    return result
