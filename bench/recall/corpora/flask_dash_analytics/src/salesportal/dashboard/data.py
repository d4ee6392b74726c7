"""Query helpers for the Dash callbacks; results come back as DataFrames."""
import pandas as pd
from sqlalchemy import text

from ..extensions import cache, db


@cache.memoize(timeout=600)
def list_regions():
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT DISTINCT region FROM customers WHERE region IS NOT NULL ORDER BY 1"))
        return [row[0] for row in rows]


def region_daily_revenue(region, start, end):
    stmt = text(
        "SELECT date_trunc('day', o.ordered_at) AS day, SUM(o.amount) AS revenue "
        "FROM sales_orders o JOIN customers c ON c.id = o.customer_id "
        "WHERE c.region = :region AND o.ordered_at >= :start AND o.ordered_at < :end "
        "GROUP BY 1 ORDER BY 1"
    )
    with db.engine.connect() as conn:
        return pd.read_sql(stmt, conn, params={"region": region, "start": start, "end": end})


def rep_leaderboard(region, search=None):
    where = f"WHERE c.region = '{region}'"
    if search:
        where += f" AND r.full_name ILIKE '%{search}%'"
    sql = (
        "SELECT r.full_name AS rep, COUNT(o.id) AS orders, SUM(o.amount) AS revenue "
        "FROM sales_orders o JOIN customers c ON c.id = o.customer_id "
        "JOIN sales_reps r ON r.id = c.rep_id "
        f"{where} GROUP BY r.full_name ORDER BY revenue DESC LIMIT 50"
    )
    with db.engine.connect() as conn:
        return pd.read_sql(sql, conn)
