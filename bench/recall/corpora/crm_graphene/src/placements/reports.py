"""
Reporting queries. These aggregate across most of the database, so they are
written in SQL rather than through the ORM and cached for a few minutes.
"""
import hashlib
from datetime import date

from django.core.cache import cache
from django.db import connection

from .models import Placement

CACHE_TTL = 60 * 5

REVENUE_SORT_COLUMNS = {
    "recruiter": "u.last_name",
    "placements": "placement_count",
    "fees": "total_fees",
}


def dictfetchall(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _cache_key(prefix, *parts):
    raw = ":".join(str(p) for p in parts)
    return f"reports:{prefix}:{hashlib.md5(raw.encode()).hexdigest()}"


def revenue_by_recruiter(start: date, end: date, sort: str = "fees"):
    order_column = REVENUE_SORT_COLUMNS.get(sort, "total_fees")
    key = _cache_key("revenue", start, end, order_column)
    rows = cache.get(key)
    if rows is not None:
        return rows

    sql = f"""
        SELECT u.id AS recruiter_id,
               u.first_name,
               u.last_name,
               COUNT(p.id) AS placement_count,
               COALESCE(SUM(p.fee_amount), 0) AS total_fees
          FROM placements_placement p
          JOIN accounts_user u ON u.id = p.recruiter_id
         WHERE p.stage = %s
           AND p.start_date BETWEEN %s AND %s
         GROUP BY u.id, u.first_name, u.last_name
         ORDER BY {order_column} DESC
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [Placement.Stage.PLACED, start, end])
        rows = dictfetchall(cursor)
    cache.set(key, rows, CACHE_TTL)
    return rows


def placements_for_clients(client_ids, since: date):
    """Placed roles per client, used by the account review pack."""
    client_ids = [int(pk) for pk in client_ids]
    if not client_ids:
        return []
    placeholders = ", ".join(["%s"] * len(client_ids))
    sql = f"""
        SELECT c.id AS client_id, c.name AS client, jo.title, p.salary, p.fee_amount, p.start_date
          FROM placements_placement p
          JOIN clients_joborder jo ON jo.id = p.job_order_id
          JOIN clients_client c ON c.id = jo.client_id
         WHERE jo.client_id IN ({placeholders})
           AND p.stage = %s
           AND p.start_date >= %s
         ORDER BY c.name, p.start_date
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*client_ids, Placement.Stage.PLACED, since])
        return dictfetchall(cursor)


def stage_breakdown(stages=None, recruiter_id=None):
    """Pipeline snapshot: how many placements sit in each stage, and their value."""
    clauses = [
        "SELECT p.stage, COUNT(*) AS total, COALESCE(SUM(p.salary), 0) AS pipeline_salary",
        "FROM placements_placement p",
        "WHERE 1 = 1",
    ]
    params = []
    if stages:
        quoted = ", ".join(f"'{stage}'" for stage in stages)
        clauses.append(f"AND p.stage IN ({quoted})")
    if recruiter_id:
        clauses.append("AND p.recruiter_id = %s")
        params.append(recruiter_id)
    clauses.append("GROUP BY p.stage ORDER BY p.stage")

    with connection.cursor() as cursor:
        cursor.execute("\n".join(clauses), params)
        return dictfetchall(cursor)


def time_to_fill(days: int = 180):
    sql = """
        SELECT jo.id, jo.title, MIN(p.updated_at) - jo.created_at AS time_to_fill
          FROM clients_joborder jo
          JOIN placements_placement p ON p.job_order_id = jo.id AND p.stage = %s
         WHERE jo.created_at >= NOW() - (%s * INTERVAL '1 day')
         GROUP BY jo.id, jo.title, jo.created_at
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [Placement.Stage.PLACED, days])
        return dictfetchall(cursor)
