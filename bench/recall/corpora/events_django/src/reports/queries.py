"""Hand-written SQL for the staff reports; the ORM versions were too slow on the big events."""
import hashlib
import json
from datetime import date, timedelta

from django.core.cache import cache
from django.db import connection

PAID = "paid"

METRICS = {
    "revenue": "SUM(oi.unit_price * oi.quantity)",
    "tickets": "SUM(oi.quantity)",
    "orders": "COUNT(DISTINCT o.id)",
}

VENUE_SORT_COLUMNS = ("venue", "city", "events", "tickets", "revenue")


def _rows(cursor):
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _cache_key(name, *args):
    raw = json.dumps([name, *args], default=str, sort_keys=True)
    return "report:" + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()


def sales_by_event(start, end, metric="revenue"):
    expr = METRICS[metric]
    key = _cache_key("sales_by_event", start, end, metric)
    cached = cache.get(key)
    if cached is not None:
        return cached

    sql = f"""
        SELECT e.id, e.title, e.starts_at, {expr} AS value
        FROM orders_order o
        JOIN orders_orderitem oi ON oi.order_id = o.id
        JOIN events_event e ON e.id = o.event_id
        WHERE o.status = %s AND o.paid_at >= %s AND o.paid_at < %s
        GROUP BY e.id, e.title, e.starts_at
        ORDER BY value DESC
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [PAID, start, end + timedelta(days=1)])
        rows = _rows(cursor)
    cache.set(key, rows, 600)
    return rows


def sales_by_venue(start, end, order_by="revenue", direction="desc"):
    sql = """
        SELECT v.name AS venue, v.city AS city,
               COUNT(DISTINCT e.id) AS events,
               COALESCE(SUM(oi.quantity), 0) AS tickets,
               COALESCE(SUM(oi.unit_price * oi.quantity), 0) AS revenue
        FROM venues_venue v
        JOIN events_event e ON e.venue_id = v.id
        LEFT JOIN orders_order o ON o.event_id = e.id AND o.status = %s
        LEFT JOIN orders_orderitem oi ON oi.order_id = o.id
        WHERE e.starts_at >= %s AND e.starts_at < %s
        GROUP BY v.id, v.name, v.city
        ORDER BY {} {}
    """.format(order_by, direction)
    with connection.cursor() as cursor:
        cursor.execute(sql, [PAID, start, end + timedelta(days=1)])
        return _rows(cursor)


def daily_revenue(days=30):
    since = date.today() - timedelta(days=days)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT DATE(o.paid_at) AS day, SUM(o.total) AS revenue, COUNT(*) AS orders
            FROM orders_order o
            WHERE o.status = %s AND o.paid_at >= %s
            GROUP BY DATE(o.paid_at)
            ORDER BY day
            """,
            [PAID, since],
        )
        return _rows(cursor)


def attendees(event_id, term=""):
    sql = """
        SELECT t.id, t.holder_name, t.holder_email, tt.name AS ticket_type,
               t.checked_in_at, o.id AS order_id, o.channel
        FROM orders_ticket t
        JOIN orders_orderitem oi ON oi.id = t.order_item_id
        JOIN orders_order o ON o.id = oi.order_id
        JOIN events_tickettype tt ON tt.id = oi.ticket_type_id
        WHERE t.event_id = %s
    """
    if term:
        sql += " AND (t.holder_name LIKE '%%" + term + "%%' OR t.holder_email LIKE '%%" + term + "%%')"
    sql += " ORDER BY t.holder_name"
    with connection.cursor() as cursor:
        cursor.execute(sql, [event_id])
        return _rows(cursor)


def check_in_progress(event_id):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*), COUNT(checked_in_at) FROM orders_ticket WHERE event_id = %s",
            [event_id],
        )
        total, checked_in = cursor.fetchone()
    return {"total": total, "checked_in": checked_in}
