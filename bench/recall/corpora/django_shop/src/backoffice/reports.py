"""Sales reports for the back office. Plain SQL: the ORM version was unreadable."""
from dataclasses import dataclass
from datetime import date

from django.db import connection

from orders.models import Order

PAID_STATUSES = (Order.Status.PAID, Order.Status.SHIPPED, Order.Status.DELIVERED)


def _fetch(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [col.name for col in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


@dataclass
class SalesReport:
    start: date
    end: date
    sort: str = "revenue"

    SORTABLE_COLUMNS = {
        "title": "b.title",
        "units": "units",
        "revenue": "revenue",
    }

    def top_titles(self, limit=50):
        order_by = self.SORTABLE_COLUMNS.get(self.sort, "revenue")
        direction = "ASC" if order_by == "b.title" else "DESC"
        sql = f"""
            SELECT b.id, b.title, b.isbn,
                   SUM(l.quantity) AS units,
                   SUM(l.quantity * l.unit_price) AS revenue
              FROM orders_orderline l
              JOIN orders_order o ON o.id = l.order_id
              JOIN catalog_book b ON b.id = l.book_id
             WHERE o.status IN %s AND o.created >= %s AND o.created < %s
          GROUP BY b.id, b.title, b.isbn
          ORDER BY {order_by} {direction}
             LIMIT %s
        """
        return _fetch(sql, [PAID_STATUSES, self.start, self.end, limit])

    def daily_totals(self):
        return _fetch(
            """
            SELECT date_trunc('day', o.created)::date AS day, COUNT(*) AS orders, SUM(o.total) AS revenue
              FROM orders_order o
             WHERE o.status IN %s AND o.created >= %s AND o.created < %s
          GROUP BY 1 ORDER BY 1
            """,
            [PAID_STATUSES, self.start, self.end],
        )

    def by_postcode_area(self, area):
        area = area.strip().upper()
        return _fetch(
            f"""
            SELECT o.shipping_postcode, COUNT(*) AS orders, SUM(o.total) AS revenue
              FROM orders_order o
             WHERE o.created >= %s AND o.created < %s
               AND o.shipping_postcode LIKE '{area}%%'
          GROUP BY o.shipping_postcode
          ORDER BY revenue DESC
            """,
            [self.start, self.end],
        )
