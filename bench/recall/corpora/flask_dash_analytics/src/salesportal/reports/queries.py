"""Raw reporting SQL executed on SQLAlchemy Core connections."""
from sqlalchemy import text

PERIOD_TRUNC = {"day": "day", "week": "week", "month": "month", "quarter": "quarter"}

SORT_COLUMNS = {
    "revenue": "revenue",
    "orders": "orders",
    "units": "units",
    "product": "p.name",
}


def revenue_by_period(conn, start, end, period, sort):
    trunc = PERIOD_TRUNC.get(period, "month")
    sql = (
        f"SELECT date_trunc('{trunc}', o.ordered_at) AS bucket, SUM(o.amount) AS revenue, COUNT(*) AS orders "
        "FROM sales_orders o WHERE o.ordered_at >= :start AND o.ordered_at < :end "
        f"GROUP BY bucket ORDER BY {sort} DESC"
    )
    return conn.execute(text(sql), {"start": start, "end": end}).mappings().all()


def top_products(conn, start, end, sort="revenue", limit=20):
    order_col = SORT_COLUMNS.get(sort, "revenue")
    direction = "ASC" if order_col == "p.name" else "DESC"
    stmt = text(
        "SELECT p.sku, p.name, SUM(l.quantity) AS units, SUM(l.amount) AS revenue, "
        "COUNT(DISTINCT l.order_id) AS orders "
        "FROM order_lines l JOIN products p ON p.id = l.product_id "
        "JOIN sales_orders o ON o.id = l.order_id "
        "WHERE o.ordered_at >= :start AND o.ordered_at < :end "
        f"GROUP BY p.sku, p.name ORDER BY {order_col} {direction} LIMIT :limit"
    )
    return conn.execute(stmt, {"start": start, "end": end, "limit": limit}).mappings().all()
