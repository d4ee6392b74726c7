"""Reporting queries against the sales schema."""
import pandas as pd
from sqlalchemy import bindparam, text

from ..extensions import db

DEFAULT_EXPORT_COLUMNS = [
    "o.external_id",
    "o.ordered_at",
    "c.name AS customer",
    "c.region",
    "o.status",
    "o.amount",
    "o.currency",
]


def orders_frame(columns, region=None, max_rows=250_000):
    sql = "SELECT " + ", ".join(columns) + " FROM sales_orders o JOIN customers c ON c.id = o.customer_id"
    params = {}
    if region:
        sql += " WHERE c.region = %(region)s"
        params["region"] = region
    sql += " ORDER BY o.ordered_at DESC LIMIT %(max_rows)s"
    params["max_rows"] = max_rows
    with db.engine.connect() as conn:
        return pd.read_sql(sql, conn, params=params)


def top_customers(conn, start, end, limit=15):
    stmt = text(
        "SELECT c.name, c.tier, c.region, SUM(o.amount) AS revenue "
        "FROM sales_orders o JOIN customers c ON c.id = o.customer_id "
        "WHERE o.ordered_at >= :start AND o.ordered_at < :end "
        "GROUP BY c.name, c.tier, c.region ORDER BY revenue DESC LIMIT :limit"
    )
    return conn.execute(stmt, {"start": start, "end": end, "limit": limit}).mappings().all()


def partner_revenue(start, end, regions=None):
    sql = (
        "SELECT c.region, date_trunc('day', o.ordered_at) AS day, SUM(o.amount) AS revenue, "
        "COUNT(*) AS orders FROM sales_orders o JOIN customers c ON c.id = o.customer_id "
        "WHERE o.ordered_at >= :start AND o.ordered_at < :end"
    )
    params = {"start": start, "end": end}
    if regions is not None:
        sql += " AND c.region IN :regions"
        params["regions"] = list(regions)
    stmt = text(sql + " GROUP BY c.region, day ORDER BY day, c.region")
    if regions is not None:
        stmt = stmt.bindparams(bindparam("regions", expanding=True))
    with db.engine.connect() as conn:
        return [dict(row) for row in conn.execute(stmt, params).mappings()]
