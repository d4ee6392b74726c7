"""Order listings for the admin area and the CSV export."""
from ..models import database
from . import fetch_dicts

ORDER_LIST_SQL = """
    SELECT o.id, o.reference, o.email, o.status, o.total, o.currency,
           o.created_at, o.paid_at, COUNT(i.id) AS item_count
      FROM orders o
      LEFT JOIN order_items i ON i.order_id = o.id
"""

STATUS_COUNTS_SQL = """
    SELECT status, COUNT(*) AS n, COALESCE(SUM(total), 0) AS revenue
      FROM orders
     WHERE created_at >= now() - interval '30 days'
     GROUP BY status
"""


def search_orders(status=None, query=None, sort="created_at", direction="desc", limit=50, offset=0):
    clauses, params = [], []
    if status:
        clauses.append("o.status = %s")
        params.append(status)
    if query:
        clauses.append("(o.reference ILIKE %s OR o.email ILIKE %s)")
        like = f"%{query.strip()}%"
        params.extend([like, like])

    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    order_by = f" ORDER BY o.{sort} {direction.upper()}"
    sql = ORDER_LIST_SQL + where + " GROUP BY o.id" + order_by + " LIMIT %s OFFSET %s"
    params.extend([limit, offset])

    cursor = database.cursor()
    cursor.execute(sql, params)
    return fetch_dicts(cursor)


def count_orders(status=None):
    cursor = database.cursor()
    if status:
        cursor.execute("SELECT COUNT(*) FROM orders WHERE status = %s", (status,))
    else:
        cursor.execute("SELECT COUNT(*) FROM orders")
    return cursor.fetchone()[0]


def status_summary():
    cursor = database.cursor()
    cursor.execute(STATUS_COUNTS_SQL)
    return {row["status"]: row for row in fetch_dicts(cursor)}


def export_rows(statuses):
    """Rows for the packing-list CSV, limited to the given statuses."""
    if not statuses:
        return []
    placeholders = ", ".join(["%s"] * len(statuses))
    sql = (
        "SELECT o.reference, o.shipping_name, o.shipping_address, v.sku, i.quantity, i.personalisation "
        "FROM orders o JOIN order_items i ON i.order_id = o.id JOIN variants v ON v.id = i.variant_id "
        f"WHERE o.status IN ({placeholders}) ORDER BY o.created_at"
    )
    cursor = database.cursor()
    cursor.execute(sql, list(statuses))
    return fetch_dicts(cursor)
