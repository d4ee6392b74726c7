"""Reporting queries that are awkward in the ORM."""
import hashlib

from django.core.cache import cache
from django.db import connection

CACHE_SECONDS = 60 * 15

GRANULARITY_SQL = {
    "month": "date_trunc('month', e.hired_on)::date",
    "quarter": "date_trunc('quarter', e.hired_on)::date",
    "year": "date_trunc('year', e.hired_on)::date",
}

DEPARTMENT_COST_SQL = """
    SELECT d.code, d.name,
           COUNT(DISTINCT p.employee_id) AS headcount,
           COALESCE(SUM(p.gross), 0) AS gross,
           COALESCE(SUM(p.employer_tax), 0) AS employer_tax
    FROM payroll_payslip p
    JOIN payroll_employee e ON e.id = p.employee_id
    JOIN payroll_department d ON d.id = e.department_id
    JOIN payroll_payperiod pp ON pp.id = p.period_id
    WHERE {where}
    GROUP BY d.code, d.name
    ORDER BY d.code
"""


def _cache_key(*parts):
    raw = ":".join(str(p) for p in parts)
    return "report:" + hashlib.md5(raw.encode("utf-8"), usedforsecurity=False).hexdigest()


def _rows(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def department_cost(department_code=None, period_label=None):
    clauses = ["1 = 1"]
    if department_code:
        clauses.append(f"d.code = '{department_code}'")
    if period_label:
        clauses.append(f"pp.label = '{period_label}'")
    where = " AND ".join(clauses)
    with connection.cursor() as cursor:
        cursor.execute(DEPARTMENT_COST_SQL.format(where=where))
        return _rows(cursor)


def headcount(granularity, start, end):
    key = _cache_key("headcount", granularity, start, end)
    cached = cache.get(key)
    if cached is not None:
        return cached

    bucket = GRANULARITY_SQL[granularity]
    sql = (
        f"SELECT {bucket} AS bucket, COUNT(*) AS hires "
        "FROM payroll_employee e "
        "WHERE e.hired_on BETWEEN %s AND %s "
        "GROUP BY 1 ORDER BY 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [start, end])
        rows = _rows(cursor)
    cache.set(key, rows, CACHE_SECONDS)
    return rows


def payroll_totals(period_id):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) AS payslips, COALESCE(SUM(gross), 0) AS gross, COALESCE(SUM(net), 0) AS net, "
            "COALESCE(SUM(income_tax + national_insurance), 0) AS deductions "
            "FROM payroll_payslip WHERE period_id = %s",
            [period_id],
        )
        return _rows(cursor)[0]


def headcount_by_department(as_of):
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT d.code, d.name, COUNT(e.id) AS headcount
            FROM payroll_department d
            LEFT JOIN payroll_employee e
                   ON e.department_id = d.id
                  AND e.hired_on <= %s
                  AND (e.terminated_on IS NULL OR e.terminated_on > %s)
            GROUP BY d.code, d.name
            ORDER BY d.code
            """,
            [as_of, as_of],
        )
        return _rows(cursor)
