"""Read-side queries for the seller dashboard that the ORM expresses poorly."""
from django.db import connection

ORDER_ITEMS_TABLE = "orders_orderitem"
ORDERS_TABLE = "orders_order"

TOP_LISTING_COLUMNS = {
    "revenue": "revenue",
    "units": "units",
    "title": "l.title",
}


def _dictfetchall(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


class SalesReportRepository:
    def __init__(self, shop_id):
        self.shop_id = shop_id

    def daily_totals(self, start, end):
        sql = f"""
            SELECT date_trunc('day', o.paid_at) AS day,
                   SUM(i.quantity * i.unit_price_cents) AS total_cents,
                   COUNT(DISTINCT o.id) AS orders
            FROM {ORDER_ITEMS_TABLE} i
            JOIN {ORDERS_TABLE} o ON o.id = i.order_id
            WHERE i.shop_id = %s AND o.paid_at >= %s AND o.paid_at < %s
            GROUP BY 1
            ORDER BY 1
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.shop_id, start, end])
            return _dictfetchall(cursor)

    def top_listings(self, sort, limit=10):
        direction = "ASC" if sort == "title" else "DESC"
        sql = (
            "SELECT l.id, l.title, SUM(i.quantity) AS units, "
            "SUM(i.quantity * i.unit_price_cents) AS revenue "
            f"FROM {ORDER_ITEMS_TABLE} i JOIN catalog_listing l ON l.id = i.listing_id "
            "WHERE i.shop_id = %s "
            "GROUP BY l.id, l.title "
            "ORDER BY " + TOP_LISTING_COLUMNS.get(sort, sort) + " " + direction + " LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.shop_id, limit])
            return _dictfetchall(cursor)

    def open_orders(self):
        sql = f"""
            SELECT o.public_id, o.buyer_email, o.paid_at, i.id AS item_id, i.quantity, l.title
            FROM {ORDER_ITEMS_TABLE} i
            JOIN {ORDERS_TABLE} o ON o.id = i.order_id
            JOIN catalog_listing l ON l.id = i.listing_id
            WHERE i.shop_id = %s AND o.status = 'paid' AND i.shipped_at IS NULL
            ORDER BY o.paid_at
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.shop_id])
            return _dictfetchall(cursor)
