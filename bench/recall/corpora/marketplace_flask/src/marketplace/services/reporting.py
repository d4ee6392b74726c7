from datetime import date, timedelta

from sqlalchemy import text

from ..extensions import db

COUNTED_TABLES = ("users", "listings", "conversations", "messages", "orders")

SALES_BY_DAY_SQL = """
SELECT date(o.created_at) AS day,
       count(*) AS orders,
       sum(o.amount_cents) AS gross_cents
FROM orders o
WHERE o.status = '{status}'
  AND o.created_at >= '{since}'
GROUP BY date(o.created_at)
ORDER BY day DESC
"""


def table_counts():
    counts = {}
    for table in COUNTED_TABLES:
        counts[table] = db.session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    return counts


def default_since():
    return (date.today() - timedelta(days=30)).isoformat()


def sales_by_day(status="paid", since=None):
    query = SALES_BY_DAY_SQL.format(status=status, since=since or default_since())
    return db.session.execute(text(query)).mappings().all()


def top_sellers(limit=10):
    return db.session.execute(
        text(
            "SELECT u.id, u.username, count(o.id) AS sales FROM orders o "
            "JOIN listings l ON l.id = o.listing_id JOIN users u ON u.id = l.seller_id "
            "WHERE o.status IN ('paid', 'delivered') GROUP BY u.id, u.username "
            "ORDER BY sales DESC LIMIT :limit"
        ),
        {"limit": limit},
    ).mappings().all()
