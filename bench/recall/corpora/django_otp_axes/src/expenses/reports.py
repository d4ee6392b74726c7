"""Finance reports that are easier to express in SQL than through the ORM."""
from datetime import date

from django.db import connection
from django.db.models import F, Sum
from django.db.models.expressions import RawSQL

from .models import Claim, ClaimLine

CLAIM_TABLE = Claim._meta.db_table
LINE_TABLE = ClaimLine._meta.db_table


def _rows(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def status_breakdown(status):
    sql = (
        f"SELECT c.status, COUNT(*) AS claims, SUM(l.amount) AS total "
        f"FROM {CLAIM_TABLE} c JOIN {LINE_TABLE} l ON l.claim_id = c.id "
        f"WHERE c.status = %s GROUP BY c.status"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [status])
        return _rows(cursor)


def _department_filter(department_code):
    return f"u.department_id IN (SELECT id FROM accounts_department WHERE code = '{department_code}')"


def department_spend(department_code, start: date, end: date):
    where = _department_filter(department_code)
    query = (
        "SELECT u.username, SUM(l.amount) AS total "
        f"FROM {CLAIM_TABLE} c "
        f"JOIN {LINE_TABLE} l ON l.claim_id = c.id "
        "JOIN accounts_user u ON u.id = c.owner_id "
        f"WHERE {where} AND l.spent_on BETWEEN %s AND %s "
        "GROUP BY u.username ORDER BY total DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [start, end])
        return _rows(cursor)


def claims_with_line_count(queryset, min_lines):
    return queryset.annotate(
        line_count=RawSQL(f"SELECT COUNT(*) FROM {LINE_TABLE} WHERE claim_id = {CLAIM_TABLE}.id AND amount > %s", [0])
    ).filter(line_count__gte=min_lines)


def category_totals(user):
    return (
        ClaimLine.objects.filter(claim__owner=user)
        .values(name=F("category__name"))
        .annotate(total=Sum("amount"))
        .order_by("-total")
    )
