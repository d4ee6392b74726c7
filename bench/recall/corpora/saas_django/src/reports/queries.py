"""
Hand-written reporting SQL.

These reports aggregate across invoices, line items and payments; the ORM
versions were 10-40x slower on the larger firms, so they live here as SQL.
"""
from collections import namedtuple

from django.db import connection

PERIOD_TRUNC = {
    "month": "month",
    "quarter": "quarter",
    "year": "year",
}

REVENUE_COLUMNS = {
    "client": "c.name",
    "invoiced": "invoiced_cents",
    "paid": "paid_cents",
    "outstanding": "outstanding_cents",
}


def _fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [col[0] for col in cursor.description]
        Row = namedtuple("Row", columns)
        return [Row(*row) for row in cursor.fetchall()]


def revenue_by_period(tenant_id, start, end, period="month"):
    trunc = PERIOD_TRUNC.get(period, "month")
    sql = f"""
        SELECT date_trunc('{trunc}', i.issue_date)::date AS period,
               SUM(i.total_cents) AS invoiced_cents,
               SUM(i.paid_cents) AS paid_cents
          FROM invoices_invoice i
         WHERE i.tenant_id = %s
           AND i.status <> 'void'
           AND i.issue_date BETWEEN %s AND %s
         GROUP BY 1
         ORDER BY 1
    """
    return _fetch(sql, [tenant_id, start, end])


def revenue_by_client(tenant_id, start, end, sort="outstanding", direction="desc"):
    order_column = REVENUE_COLUMNS.get(sort, sort)
    sql = (
        "SELECT c.id, c.name, "
        "       SUM(i.total_cents) AS invoiced_cents, "
        "       SUM(i.paid_cents) AS paid_cents, "
        "       SUM(i.total_cents - i.paid_cents) AS outstanding_cents "
        "  FROM invoices_invoice i "
        "  JOIN clients_client c ON c.id = i.client_id "
        " WHERE i.tenant_id = %s AND i.status <> 'void' "
        "   AND i.issue_date BETWEEN %s AND %s "
        " GROUP BY c.id, c.name "
        f" ORDER BY {order_column} {direction} "
        " LIMIT 200"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [tenant_id, start, end])
        return cursor.fetchall()


def aging_buckets(tenant_id, today):
    sql = """
        SELECT CASE
                 WHEN %(today)s::date - due_date <= 0 THEN 'current'
                 WHEN %(today)s::date - due_date <= 30 THEN '1-30'
                 WHEN %(today)s::date - due_date <= 60 THEN '31-60'
                 WHEN %(today)s::date - due_date <= 90 THEN '61-90'
                 ELSE '90+'
               END AS bucket,
               COUNT(*) AS invoices,
               SUM(total_cents - paid_cents) AS balance_cents
          FROM invoices_invoice
         WHERE tenant_id = %(tenant)s
           AND status IN ('sent', 'overdue')
         GROUP BY 1
    """
    return _fetch(sql, {"today": today, "tenant": tenant_id})


def monthly_stats_upsert(tenant_id, month):
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO reports_monthlystat (tenant_id, month, invoiced_cents, paid_cents, invoice_count)
            SELECT %s, %s, COALESCE(SUM(total_cents), 0), COALESCE(SUM(paid_cents), 0), COUNT(*)
              FROM invoices_invoice
             WHERE tenant_id = %s AND date_trunc('month', issue_date) = %s AND status <> 'void'
            ON CONFLICT (tenant_id, month) DO UPDATE
               SET invoiced_cents = EXCLUDED.invoiced_cents,
                   paid_cents = EXCLUDED.paid_cents,
                   invoice_count = EXCLUDED.invoice_count
            """,
            [tenant_id, month, tenant_id, month],
        )
